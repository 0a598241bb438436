package io.petrel.broker.acl;

import io.petrel.common.body.AclConfig;
import io.petrel.common.body.PlainAccessConfig;
import io.petrel.common.route.DataVersion;
import java.util.List;
import java.util.Map;

/**
 * The side of the broker's access validator that the ACL admin requests (codes 50–54) act on: its accounts, its
 * global white addresses and the versions of its ACL files: {@link PlainAclStore} with {@code aclEnable=true},
 * {@link #disabled()} otherwise.
 */
public interface AclStore {
    /** The refusal every request gets while ACL is off. */
    String NOT_ENABLED = "ACL is not enabled on this broker (aclEnable=false)";

    /** Adds the account, or replaces the one with the same access key. */
    void updateAccessConfig(PlainAccessConfig config) throws AclException;

    void deleteAccessConfig(String accessKey) throws AclException;

    /** @param aclFileFullPath the ACL file to change; null for the default one */
    void updateGlobalWhiteAddrs(List<String> patterns, String aclFileFullPath) throws AclException;

    /** The data version of the default ACL file. */
    DataVersion aclConfigVersion() throws AclException;

    /** The data version of every ACL file, by its full path. */
    Map<String, DataVersion> allAclConfigVersions() throws AclException;

    /** The global white addresses and the accounts of every ACL file. */
    AclConfig allAclConfig() throws AclException;

    /** A store that refuses every request with {@link #NOT_ENABLED}. */
    static AclStore disabled() {
        return new AclStore() {
            @Override
            public void updateAccessConfig(PlainAccessConfig config) throws AclException {
                throw new AclException(NOT_ENABLED);
            }

            @Override
            public void deleteAccessConfig(String accessKey) throws AclException {
                throw new AclException(NOT_ENABLED);
            }

            @Override
            public void updateGlobalWhiteAddrs(List<String> patterns, String aclFileFullPath) throws AclException {
                throw new AclException(NOT_ENABLED);
            }

            @Override
            public DataVersion aclConfigVersion() throws AclException {
                throw new AclException(NOT_ENABLED);
            }

            @Override
            public Map<String, DataVersion> allAclConfigVersions() throws AclException {
                throw new AclException(NOT_ENABLED);
            }

            @Override
            public AclConfig allAclConfig() throws AclException {
                throw new AclException(NOT_ENABLED);
            }
        };
    }
}
