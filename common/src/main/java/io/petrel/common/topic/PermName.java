package io.petrel.common.topic;

/**
 * Permission bits of a topic or a broker ({@code perm}), as they travel in routes and topic configs.
 * {@code 6} (read + write) is the usual value, {@code 7} adds the inherit bit that marks an auto-create template.
 */
public final class PermName {
    public static final int PERM_PRIORITY = 0x8;
    public static final int PERM_READ = 0x4;
    public static final int PERM_WRITE = 0x2;
    public static final int PERM_INHERIT = 0x1;

    private PermName() {
    }

    public static boolean isReadable(int perm) {
        return (perm & PERM_READ) == PERM_READ;
    }

    public static boolean isWriteable(int perm) {
        return (perm & PERM_WRITE) == PERM_WRITE;
    }

    public static boolean isInherited(int perm) {
        return (perm & PERM_INHERIT) == PERM_INHERIT;
    }

    /** The text form tools print: {@code R}, {@code W}, {@code X} (inherit), {@code -} for a missing bit. */
    public static String toText(int perm) {
        return new String(new char[] {isReadable(perm) ? 'R' : '-', isWriteable(perm) ? 'W' : '-',
            isInherited(perm) ? 'X' : '-'});
    }
}
