package io.petrel.tools.command;

import io.petrel.client.acl.AclClientRPCHook;
import io.petrel.client.acl.SessionCredentials;
import io.petrel.remoting.RPCHook;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The credentials {@code mqadmin} signs with for clusters with plain ACL on, read as RocketMQ 4.9.7's tool reads
 * them: {@code accessKey} and {@code secretKey} from {@code conf/tools.yml} under the installation. No file, or a
 * blank key, means unsigned requests. Stateless.
 */
public final class ToolsCredentials {
    public static final String FILE = "conf/tools.yml";

    private ToolsCredentials() {
    }

    /** The signing hook for {@code file}, or null when it gives no usable credentials. */
    public static RPCHook hook(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Object root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml().load(in);
        } catch (YAMLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            return null;
        }
        String accessKey = text(map.get("accessKey"));
        String secretKey = text(map.get("secretKey"));
        if (accessKey == null || secretKey == null) {
            return null;
        }
        return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
    }

    /** The hook from {@code conf/tools.yml} under {@code home}; null without a home. */
    public static RPCHook fromHome(String home) throws IOException {
        return home == null || home.isBlank() ? null : hook(Path.of(home).resolve(FILE));
    }

    private static String text(Object value) {
        String s = value == null ? null : String.valueOf(value);
        return s == null || s.isBlank() ? null : s;
    }
}
