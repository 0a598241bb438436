package io.petrel.broker.acl;

import io.petrel.common.body.PlainAccessConfig;
import io.petrel.common.route.DataVersion;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The plain ACL files in RocketMQ 4.9.7's YAML layout, read into {@link AclRules} and written back:
 * <pre>
 * globalWhiteRemoteAddresses: [pattern, ...]
 * accounts:
 * - accessKey: ..       secretKey: ..      whiteRemoteAddress: pattern   admin: true|false
 *   defaultTopicPerm: P defaultGroupPerm: P topicPerms: [topic=P, ...]   groupPerms: [group=P, ...]
 * dataVersion:
 * - counter: N
 *   timestamp: T
 * </pre>
 * The files are the default one ({@code conf/plain_acl.yml} under the home) and every {@code .yml}/{@code .yaml}
 * under {@code conf/acl/}. Stateless.
 */
final class AclFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AclFiles.class);
    static final String GLOBAL_WHITE = "globalWhiteRemoteAddresses";
    static final String ACCOUNTS = "accounts";
    static final String DATA_VERSION = "dataVersion";

    private AclFiles() {
    }

    /** Every ACL file that exists: those under {@code aclDir}, sorted, then the default file. */
    static List<String> list(Path aclDir, Path defaultFile) {
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(aclDir)) {
            try (Stream<Path> all = Files.walk(aclDir)) {
                all.filter(Files::isRegularFile)
                    .map(p -> p.toAbsolutePath().normalize().toString())
                    .filter(name -> name.endsWith(".yml") || name.endsWith(".yaml"))
                    .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + aclDir, e);
            }
        }
        String main = defaultFile.toString();
        if (Files.exists(defaultFile) && !files.contains(main)) {
            files.add(main);
        }
        return files;
    }

    /** The file's top-level map; null when the file is missing or empty. */
    static Map<String, Object> read(String file) {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            return null;
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object root = new Yaml().load(in);
            if (root == null) {
                return null;
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + ": the top level is not a map");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().replace('\n', ' '), e);
        }
    }

    /** Writes {@code content} as block YAML, replacing the file in one step. */
    static void write(String file, Map<String, Object> content) {
        Path path = Path.of(file);
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, new Yaml().dumpAsMap(content), StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads every file in {@code files}; the first bad one stops the load with {@link IllegalArgumentException}
     * naming it. {@code nowMillis} stamps the version of a file that carries none.
     */
    static AclRules load(List<String> files, long nowMillis) {
        List<AddressPattern> white = new ArrayList<>();
        Map<String, AclAccount> accounts = new LinkedHashMap<>();
        Map<String, String> accountFiles = new LinkedHashMap<>();
        Map<String, DataVersion> versions = new LinkedHashMap<>();
        for (String file : files) {
            Map<String, Object> content = read(file);
            if (content == null || content.isEmpty()) {
                LOG.warn("No data in ACL file {}", file);
                continue;
            }
            try {
                for (String pattern : strings(content.get(GLOBAL_WHITE), GLOBAL_WHITE)) {
                    white.add(AddressPattern.parse(pattern));
                }
                for (PlainAccessConfig config : accounts(content)) {
                    AclAccount account = AclAccount.of(config);
                    if (accountFiles.putIfAbsent(account.accessKey(), file) == null) {
                        accounts.put(account.accessKey(), account);
                    } else {
                        LOG.warn("The accessKey {} is repeated in multiple ACL files", account.accessKey());
                    }
                }
                versions.put(file, version(content, nowMillis));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return new AclRules(List.copyOf(white), Map.copyOf(accounts), Map.copyOf(accountFiles), Map.copyOf(versions),
            List.copyOf(files));
    }

    /** The accounts of one file's content, in file order. */
    static List<PlainAccessConfig> accounts(Map<String, Object> content) {
        List<PlainAccessConfig> out = new ArrayList<>();
        for (Object item : list(content.get(ACCOUNTS), ACCOUNTS)) {
            if (!(item instanceof Map<?, ?> a)) {
                throw new IllegalArgumentException("an account is not a map: " + item);
            }
            out.add(new PlainAccessConfig(string(a.get("accessKey")), string(a.get("secretKey")),
                string(a.get("whiteRemoteAddress")), a.get("admin") != null && Boolean.parseBoolean(
                String.valueOf(a.get("admin"))), string(a.get("defaultTopicPerm")),
                string(a.get("defaultGroupPerm")), a.get("topicPerms") == null ? null
                : strings(a.get("topicPerms"), "topicPerms"), a.get("groupPerms") == null ? null
                : strings(a.get("groupPerms"), "groupPerms")));
        }
        return out;
    }

    /** The first entry of the file's {@code dataVersion} list; a new version stamped now if it has none. */
    static DataVersion version(Map<String, Object> content, long nowMillis) {
        List<?> list = list(content.get(DATA_VERSION), DATA_VERSION);
        if (list.isEmpty() || !(list.get(0) instanceof Map<?, ?> v)) {
            return new DataVersion(nowMillis, 0);
        }
        return new DataVersion(number(v.get("timestamp")), number(v.get("counter")));
    }

    /** The file's {@code dataVersion} entry for {@code version}, in the order 4.9.7 writes it. */
    static List<Map<String, Object>> versionEntry(DataVersion version) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("counter", version.counter());
        v.put("timestamp", version.timestamp());
        return new ArrayList<>(List.of(v));
    }

    static List<?> list(Object value, String what) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " is not a list: " + value);
        }
        return l;
    }

    static List<String> strings(Object value, String what) {
        List<String> out = new ArrayList<>();
        for (Object o : list(value, what)) {
            out.add(string(o));
        }
        return out;
    }

    static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static long number(Object o) {
        if (o == null) {
            return 0;
        }
        try {
            return o instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataVersion is not a number: " + o, e);
        }
    }
}
