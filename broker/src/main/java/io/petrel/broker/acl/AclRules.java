package io.petrel.broker.acl;

import io.petrel.common.route.DataVersion;
import java.util.List;
import java.util.Map;

/**
 * What the plain ACL files said at their last good load: the global white addresses of every file, each account
 * with the file it came from (an access key belongs to the first file that defines it), the data version of each
 * file and the files themselves. Immutable; swapped whole on reload.
 *
 * @param files    the ACL files read, as full paths, in load order
 * @param versions the data version of each file, by full path
 */
record AclRules(List<AddressPattern> globalWhite, Map<String, AclAccount> accounts, Map<String, String> accountFiles,
                Map<String, DataVersion> versions, List<String> files) {
    static final AclRules EMPTY = new AclRules(List.of(), Map.of(), Map.of(), Map.of(), List.of());
}
