package io.petrel.test.acl;

/** What an ACL end-to-end step came to: null when it went through, else the broker's ACL reason. */
final class AclOutcome {
    private static final String MARK = "AclException: ";

    private AclOutcome() {
    }

    /** A step the test runs; it throws when the broker refuses it. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /**
     * Runs {@code step}: null if it succeeds, the ACL reason if the broker refused it (the text after
     * {@code AclException: } in the client's exception chain, without the stack frame 4.9.7 adds), otherwise
     * the failure is rethrown.
     */
    static String of(Step step) throws Exception {
        try {
            step.run();
            return null;
        } catch (Exception e) {
            String reason = reason(e);
            if (reason == null) {
                throw e;
            }
            return reason;
        }
    }

    /** The ACL reason a remark or exception message carries; null if it carries none. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String r = reason(t.getMessage());
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    static String reason(String text) {
        if (text == null || !text.contains(MARK)) {
            return null;
        }
        String r = text.substring(text.indexOf(MARK) + MARK.length());
        int end = r.indexOf('\n');
        r = end < 0 ? r : r.substring(0, end);
        int frame = r.indexOf(", org.apache.rocketmq.");
        r = frame < 0 ? r : r.substring(0, frame);
        int broker = r.indexOf(" BROKER: ");
        return (broker < 0 ? r : r.substring(0, broker)).strip();
    }
}
