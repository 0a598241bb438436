package io.petrel.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petrel.remoting.RPCHook;
import io.petrel.remoting.acl.RequestSignature;
import io.petrel.remoting.protocol.RemotingCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mqadmin's credentials from conf/tools.yml, as 4.9.7's tool reads them. */
class ToolsCredentialsTest {
    @TempDir
    Path home;

    private void toolsYml(String content) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve(ToolsCredentials.FILE), content);
    }

    @Test
    void aToolsFileWithBothKeysSignsEveryRequest() throws Exception {
        toolsYml("accessKey: rocketmq2\nsecretKey: 12345678\n");
        RPCHook hook = ToolsCredentials.fromHome(home.toString());
        RemotingCommand request = RemotingCommand.createRequest(50).addExtField("accessKey", "newAccount");
        hook.doBeforeRequest("127.0.0.1:10911", request);
        assertEquals("rocketmq2", request.extFields().get("AccessKey"));
        TreeMap<String, String> fields = new TreeMap<>(request.extFields());
        assertEquals(RequestSignature.sign(RequestSignature.content(fields, request), "12345678"),
            request.extFields().get("Signature"));
    }

    @Test
    void noFileNoHomeOrABlankKeyMeanUnsignedRequests() throws Exception {
        assertNull(ToolsCredentials.fromHome(home.toString()));
        assertNull(ToolsCredentials.fromHome(null));
        toolsYml("accessKey: rocketmq2\nsecretKey: ' '\n");
        assertNull(ToolsCredentials.fromHome(home.toString()));
        toolsYml("accessKey: [unclosed\n");
        assertThrows(IOException.class, () -> ToolsCredentials.fromHome(home.toString()));
    }

    @Test
    void theInstallationHomeComesFromTheScriptsPropertyThenRocketmqs() {
        Properties p = new Properties();
        assertEquals("/env", MQAdmin.installationHome(p, Map.of("ROCKETMQ_HOME", "/env")));
        p.setProperty("rocketmq.home.dir", "/rmq");
        assertEquals("/rmq", MQAdmin.installationHome(p, Map.of("ROCKETMQ_HOME", "/env")));
        p.setProperty("petrel.home", "/petrel");
        assertEquals("/petrel", MQAdmin.installationHome(p, Map.of()));
    }
}
