package io.petrel.common.message;

/** Bits of the SYSFLAG field of a stored record (RocketMQ 4.9.7 values). */
public final class MessageSysFlag {
    public static final int COMPRESSED = 0x1;
    public static final int MULTI_TAGS = 0x2;
    public static final int TRANSACTION_NOT_TYPE = 0;
    public static final int TRANSACTION_PREPARED_TYPE = 0x1 << 2;
    public static final int TRANSACTION_COMMIT_TYPE = 0x2 << 2;
    public static final int TRANSACTION_ROLLBACK_TYPE = 0x3 << 2;
    public static final int BORNHOST_V6 = 0x1 << 4;
    public static final int STOREHOSTADDRESS_V6 = 0x1 << 5;
    public static final int NEED_UNWRAP = 0x1 << 6;
    public static final int INNER_BATCH = 0x1 << 7;
    /** Compression type bits 8-10: 0x100 LZ4, 0x200 ZSTD, 0x300 ZLIB (0 with COMPRESSED = ZLIB). */
    public static final int COMPRESSION_TYPE_MASK = 0x700;
    public static final int COMPRESSION_LZ4 = 0x100;
    public static final int COMPRESSION_ZSTD = 0x200;
    public static final int COMPRESSION_ZLIB = 0x300;

    private MessageSysFlag() {
    }

    public static int transactionType(int sysFlag) {
        return sysFlag & TRANSACTION_ROLLBACK_TYPE;
    }

    public static int resetTransactionType(int sysFlag, int type) {
        return (sysFlag & ~TRANSACTION_ROLLBACK_TYPE) | type;
    }

    public static int bornHostLength(int sysFlag) {
        return (sysFlag & BORNHOST_V6) != 0 ? 20 : 8;
    }

    public static int storeHostLength(int sysFlag) {
        return (sysFlag & STOREHOSTADDRESS_V6) != 0 ? 20 : 8;
    }
}
