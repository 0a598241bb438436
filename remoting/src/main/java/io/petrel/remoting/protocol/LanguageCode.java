package io.petrel.remoting.protocol;

/** The sender's language, carried by name in JSON headers and by code in ROCKETMQ headers. */
public enum LanguageCode {
    JAVA(0), CPP(1), DOTNET(2), PYTHON(3), DELPHI(4), ERLANG(5), RUBY(6), OTHER(7), HTTP(8), GO(9), PHP(10),
    OMS(11), RUST(12);

    private static final LanguageCode[] BY_CODE = new LanguageCode[13];

    static {
        for (LanguageCode l : values()) {
            BY_CODE[l.code] = l;
        }
    }

    private final byte code;

    LanguageCode(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** @return the language for a wire code; unknown codes map to {@link #OTHER}. */
    public static LanguageCode ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : OTHER;
    }

    /** @return the language for a JSON name; unknown names map to {@link #OTHER}. */
    public static LanguageCode ofName(String name) {
        for (LanguageCode l : values()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return OTHER;
    }
}
