package io.petrel.client.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.header.SendMessageRequestHeader;
import io.petrel.remoting.protocol.header.SendMessageRequestHeaderV2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.rocketmq.acl.common.AclUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Petrel's signing hook gives the signature the official 4.9.7 hook and AclUtils compute for the same request. */
class AclClientRPCHookTest {
    private static final String AK = "RocketMQ";
    private static final String SK = "12345678";

    /** The official hook applied to an official command carrying {@code fields} and {@code body}. */
    private static Map<String, String> officialSigned(int code, Map<String, String> fields, byte[] body,
                                                      String token) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand cmd =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, null);
        fields.forEach(cmd::addExtField);
        cmd.setBody(body);
        org.apache.rocketmq.acl.common.SessionCredentials credentials = token == null
            ? new org.apache.rocketmq.acl.common.SessionCredentials(AK, SK)
            : new org.apache.rocketmq.acl.common.SessionCredentials(AK, SK, token);
        new org.apache.rocketmq.acl.common.AclClientRPCHook(credentials).doBeforeRequest("127.0.0.1:10911", cmd);
        return cmd.getExtFields();
    }

    private static SendMessageRequestHeader sendHeader(String topic) {
        return new SendMessageRequestHeader("pg-é", topic, "TBW102", 4, 2, 0, 1_700_000_000_123L, 0,
            "KEYS\u0001k1\u0002UNIQ_KEY\u0001AB12\u0002", null, false, null, null, "broker-a");
    }

    @Test
    void aSendWithATypedHeaderAndABodyIsSignedAsTheOfficialHookSignsIt() {
        byte[] body = "hello ✓ body".getBytes(StandardCharsets.UTF_8);
        RemotingCommand ours = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2,
            new SendMessageRequestHeaderV2(sendHeader("TopicA"))).body(body);
        new AclClientRPCHook(new SessionCredentials(AK, SK)).doBeforeRequest("127.0.0.1:10911", ours);

        Map<String, String> headerFields = new HashMap<>();
        ours.customHeader().writeTo((k, v) -> {
            if (v != null) {
                headerFields.put(k, v);
            }
        });
        Map<String, String> theirs = officialSigned(RequestCode.SEND_MESSAGE_V2, headerFields, body, null);
        assertEquals(theirs.get("Signature"), ours.extFields().get("Signature"));
        assertEquals(AK, ours.extFields().get("AccessKey"));
        assertFalse(ours.extFields().containsKey("SecurityToken"));
    }

    @Test
    void aRequestWithoutHeaderOrBodyButWithATokenIsSignedAsTheOfficialHookSignsIt() {
        RemotingCommand ours = RemotingCommand.createRequest(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG);
        new AclClientRPCHook(new SessionCredentials(AK, SK, "token-1")).doBeforeRequest("addr", ours);
        Map<String, String> theirs = officialSigned(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, Map.of(), null,
            "token-1");
        assertEquals(theirs, ours.extFields());
    }

    @Test
    void theSignatureEqualsAclUtilsOverTheSortedFieldsAndBody() throws Exception {
        byte[] body = {1, 2, 3, (byte) 0xff};
        RemotingCommand ours = RemotingCommand.createRequest(RequestCode.HEART_BEAT).body(body)
            .addExtField("zeta", "z").addExtField("alpha", "a");
        new AclClientRPCHook(new SessionCredentials(AK, SK)).doBeforeRequest("addr", ours);

        org.apache.rocketmq.remoting.protocol.RemotingCommand official =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(RequestCode.HEART_BEAT, null);
        official.setBody(body);
        TreeMap<String, String> sorted = new TreeMap<>(Map.of("zeta", "z", "alpha", "a", "AccessKey", AK));
        String expected = AclUtils.calSignature(AclUtils.combineRequestContent(official, sorted), SK);
        assertEquals(expected, ours.extFields().get("Signature"));

        // Signing again (a retried send) replaces the signature with the same one, not a signature of it.
        new AclClientRPCHook(new SessionCredentials(AK, SK)).doBeforeRequest("addr", ours);
        assertEquals(expected, ours.extFields().get("Signature"));
        new AclClientRPCHook(new SessionCredentials(AK, "other-secret")).doBeforeRequest("addr", ours);
        assertNotEquals(expected, ours.extFields().get("Signature"));
    }

    @Test
    void credentialsComeFromAKeyFileAsTheOfficialOnesDo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, "AccessKey= ak-file \nSecretKey=sk-file\n");
        SessionCredentials c = SessionCredentials.fromKeyFile(file);
        assertEquals("ak-file", c.getAccessKey());
        assertEquals("sk-file", c.getSecretKey());
        assertEquals(null, c.getSecurityToken());
        assertEquals(new SessionCredentials(), SessionCredentials.fromKeyFile(dir.resolve("missing")));
        assertFalse(c.toString().contains("sk-file"));
    }
}
