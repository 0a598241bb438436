package io.petrel.broker.acl;

/** An ACL request the broker's {@link AclStore} refused; the message goes back to the client as the remark. */
public class AclException extends Exception {
    private static final long serialVersionUID = 1L;

    public AclException(String message) {
        super(message);
    }
}
