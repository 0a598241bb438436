package io.petrel.remoting.protocol;

import io.petrel.remoting.exception.RemotingCommandException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * One request or response: the envelope of every RocketMQ remoting frame. Not thread-safe: a command is
 * built by one thread, then handed to the transport.
 *
 * <p>A typed {@link CommandHeader} given for sending is turned into ext fields only when the command is
 * encoded; a received command carries its header as the {@link #extFields()} map, read back with
 * {@link #decodeHeader(HeaderDecoder)}.
 */
public final class RemotingCommand {
    public static final int FLAG_RESPONSE = 1;
    public static final int FLAG_ONEWAY = 1 << 1;

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version = RemotingVersion.CURRENT;
    private int opaque;
    private int flag;
    private String remark;
    private HashMap<String, String> extFields;
    private CommandHeader customHeader;
    private byte[] body;
    private io.netty.buffer.ByteBuf bodyRegion;
    private Runnable bodyRelease;
    private SerializeType serializeType = SerializeType.JSON;

    public RemotingCommand() {
    }

    public static RemotingCommand createRequest(int code) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.code = code;
        return cmd;
    }

    public static RemotingCommand createRequest(int code, CommandHeader header) {
        RemotingCommand cmd = createRequest(code);
        cmd.customHeader = header;
        return cmd;
    }

    public static RemotingCommand createResponse(int code, String remark) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.code = code;
        cmd.remark = remark;
        cmd.flag = FLAG_RESPONSE;
        return cmd;
    }

    public static RemotingCommand createResponse(int code, String remark, CommandHeader header) {
        RemotingCommand cmd = createResponse(code, remark);
        cmd.customHeader = header;
        return cmd;
    }

    /**
     * The remark a 4.9.7 response starts with; handlers there that set only the code leave it on, so some of its
     * successful answers (INVOKE_BROKER_TO_RESET_OFFSET, INVOKE_BROKER_TO_GET_CONSUMER_STATUS) carry it.
     */
    public static final String DEFAULT_REMARK = "not set any response code";

    /** The REQUEST_CODE_NOT_SUPPORTED answer, worded as RocketMQ brokers word it. */
    public static RemotingCommand unsupported(RemotingCommand request) {
        return createResponse(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
            " request type " + request.code() + " not supported");
    }

    /** A response to {@code request}: same opaque and serialize type. */
    public static RemotingCommand responseTo(RemotingCommand request, int code, String remark) {
        RemotingCommand cmd = createResponse(code, remark);
        cmd.opaque = request.opaque;
        cmd.serializeType = request.serializeType;
        return cmd;
    }

    public <T> T decodeHeader(HeaderDecoder<T> decoder) throws RemotingCommandException {
        return decoder.decode(new ExtFields(extFields));
    }

    public ExtFields fields() {
        return new ExtFields(extFields);
    }

    public RemotingCommand addExtField(String key, String value) {
        if (extFields == null) {
            extFields = new HashMap<>();
        }
        extFields.put(key, value);
        return this;
    }

    public boolean isResponse() {
        return (flag & FLAG_RESPONSE) != 0;
    }

    public boolean isOneway() {
        return (flag & FLAG_ONEWAY) != 0;
    }

    public RemotingCommand markResponse() {
        flag |= FLAG_RESPONSE;
        return this;
    }

    public RemotingCommand markOneway() {
        flag |= FLAG_ONEWAY;
        return this;
    }

    public int code() {
        return code;
    }

    public RemotingCommand code(int code) {
        this.code = code;
        return this;
    }

    public LanguageCode language() {
        return language;
    }

    public RemotingCommand language(LanguageCode language) {
        this.language = language;
        return this;
    }

    public int version() {
        return version;
    }

    public RemotingCommand version(int version) {
        this.version = version;
        return this;
    }

    public int opaque() {
        return opaque;
    }

    public RemotingCommand opaque(int opaque) {
        this.opaque = opaque;
        return this;
    }

    public int flag() {
        return flag;
    }

    public RemotingCommand flag(int flag) {
        this.flag = flag;
        return this;
    }

    public String remark() {
        return remark;
    }

    public RemotingCommand remark(String remark) {
        this.remark = remark;
        return this;
    }

    /** The received ext fields, or null when the header carried none. */
    public HashMap<String, String> extFields() {
        return extFields;
    }

    public RemotingCommand extFields(HashMap<String, String> extFields) {
        this.extFields = extFields;
        return this;
    }

    public CommandHeader customHeader() {
        return customHeader;
    }

    public RemotingCommand customHeader(CommandHeader header) {
        this.customHeader = header;
        return this;
    }

    public byte[] body() {
        return body;
    }

    public RemotingCommand body(byte[] body) {
        this.body = body;
        return this;
    }

    public RemotingCommand body(String utf8) {
        this.body = utf8 == null ? null : utf8.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * A body sent straight from memory the command does not own (e.g. slices of a mapped file): written after
     * the header without copying; {@code releaseWhenSent} runs once the write has finished or failed.
     */
    public RemotingCommand bodyRegion(io.netty.buffer.ByteBuf region, Runnable releaseWhenSent) {
        this.bodyRegion = region;
        this.bodyRelease = releaseWhenSent;
        return this;
    }

    /** The body region, or null when the body is a byte array (or absent). */
    public io.netty.buffer.ByteBuf bodyRegion() {
        return bodyRegion;
    }

    /** Runs the body region's release action once; safe to call when there is none. */
    public void releaseBody() {
        Runnable r = bodyRelease;
        bodyRelease = null;
        if (r != null) {
            r.run();
        }
    }

    /** Length of the body, whichever form it has. */
    public int bodyLength() {
        if (bodyRegion != null) {
            return bodyRegion.readableBytes();
        }
        return body == null ? 0 : body.length;
    }

    public SerializeType serializeType() {
        return serializeType;
    }

    public RemotingCommand serializeType(SerializeType serializeType) {
        this.serializeType = serializeType;
        return this;
    }

    @Override
    public String toString() {
        return "RemotingCommand[code=" + code + ", language=" + language + ", version=" + version + ", opaque="
            + opaque + ", flag=" + flag + ", remark=" + remark + ", extFields=" + extFields + ", serializeType="
            + serializeType + ", bodyLength=" + bodyLength() + "]";
    }
}
