package io.petrel.broker.acl;

import io.petrel.common.body.AclConfig;
import io.petrel.common.body.PlainAccessConfig;
import io.petrel.common.route.DataVersion;
import io.petrel.remoting.protocol.RemotingCommand;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain ACL backed by RocketMQ 4.9.7's files: the default file {@code conf/plain_acl.yml} under the home (or the
 * path {@code rocketmq.acl.plain.file} names there) and every YAML file under {@code conf/acl/}. Checks requests
 * ({@link #check}) against the rules of the last good load, serves the ACL admin requests by rewriting the files
 * (each write bumps that file's data version), and reloads when {@link #pollStep()} sees a file change; a file that
 * does not load keeps the rules in force and is logged with the reason.
 *
 * <p>Thread-safe: checks read one immutable {@link AclRules}; loads and admin writes are serialised on this store.
 */
public final class PlainAclStore implements AclStore {
    private static final Logger LOG = LoggerFactory.getLogger(PlainAclStore.class);

    private final String home;
    private final Path aclDir;
    private final Path defaultFile;
    private final Clock clock;
    private volatile AclRules rules = AclRules.EMPTY;
    /** The version reported for the default file when it has none of its own (4.9.7's deprecated single one). */
    private DataVersion defaultVersion;
    private Map<String, FileStamp> stamps = Map.of();

    /**
     * @param home        the broker's home ({@code rocketmqHome})
     * @param defaultFile the default ACL file relative to the home, e.g. {@code conf/plain_acl.yml}
     */
    public PlainAclStore(Path home, String defaultFile, Clock clock) {
        this.home = home.toAbsolutePath().normalize().toString();
        this.aclDir = home.toAbsolutePath().resolve("conf").resolve("acl").normalize();
        this.defaultFile = Path.of(this.home + File.separator + defaultFile).normalize();
        this.clock = clock;
    }

    /**
     * Creates the default file if it is missing and loads every file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public synchronized void start() {
        defaultVersion = new DataVersion(clock.millis(), 0);
        try {
            if (!Files.exists(defaultFile)) {
                Files.createDirectories(defaultFile.getParent());
                Files.createFile(defaultFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + defaultFile, e);
        }
        reload();
    }

    /** The default ACL file's full path. */
    public Path defaultFile() {
        return defaultFile;
    }

    /**
     * Lets {@code request} from {@code remoteAddr} ({@code host:port}) through or refuses it.
     *
     * @throws AccessDeniedException saying why it is refused
     */
    public void check(RemotingCommand request, String remoteAddr) {
        AccessChecker.check(rules, AccessRequest.of(request, remoteAddr));
    }

    /**
     * One look at the files: reloads them all when one was added, removed or changed since the last look.
     *
     * @return 1 if the files were reloaded (or tried to be), else 0
     */
    public synchronized int pollStep() {
        Map<String, FileStamp> now = FileStamp.of(AclFiles.list(aclDir, defaultFile));
        if (now.equals(stamps)) {
            return 0;
        }
        try {
            reload();
            LOG.info("ACL files reloaded: {}", rules.files());
        } catch (RuntimeException e) {
            stamps = now;
            LOG.warn("ACL files not reloaded, the rules in force stay: {}", e.getMessage());
        }
        return 1;
    }

    private void reload() {
        List<String> files = AclFiles.list(aclDir, defaultFile);
        Map<String, FileStamp> seen = FileStamp.of(files);
        AclRules loaded = AclFiles.load(files, clock.millis());
        rules = loaded;
        stamps = seen;
        DataVersion v = loaded.versions().get(defaultFile.toString());
        if (v != null) {
            defaultVersion = v;
        }
    }

    @Override
    public synchronized void updateAccessConfig(PlainAccessConfig config) throws AclException {
        try {
            AclAccount.checkKeys(config);
            Permission.checkEntries(config.topicPerms());
            Permission.checkEntries(config.groupPerms());
            AclAccount.of(config);
            String file = rules.accountFiles().getOrDefault(config.accessKey(), defaultFile.toString());
            Map<String, Object> content = AclFileEdits.withAccount(AclFiles.read(file), config);
            writeAndReload(file, content);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new AclException(e.getMessage());
        }
    }

    @Override
    public synchronized void deleteAccessConfig(String accessKey) throws AclException {
        String refused = "The accesskey[" + accessKey + "] corresponding to accessConfig has been deleted failed.";
        String file = accessKey == null || accessKey.isEmpty() ? null : rules.accountFiles().get(accessKey);
        if (file == null) {
            throw new AclException(refused);
        }
        try {
            Map<String, Object> content = AclFiles.read(file);
            if (content == null || content.isEmpty()) {
                return;
            }
            if (!AclFileEdits.removeAccount(content, accessKey)) {
                throw new AclException(refused);
            }
            writeAndReload(file, content);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new AclException(e.getMessage());
        }
    }

    @Override
    public synchronized void updateGlobalWhiteAddrs(List<String> patterns, String aclFileFullPath)
        throws AclException {
        String file = aclFileFullPath == null || aclFileFullPath.isEmpty() ? defaultFile.toString() : aclFileFullPath;
        String refused = "The globalWhiteAddresses[" + (patterns == null ? null : String.join(",", patterns))
            + "] has been updated failed.";
        Path path = Path.of(file);
        // 4.9.7 refuses files outside its home, missing ones, directories, and (by the way its test is written)
        // names ending in .yaml.
        if (patterns == null || !Files.exists(path) || Files.isDirectory(path) || !file.startsWith(home)
            || file.endsWith(".yaml")) {
            throw new AclException(refused);
        }
        try {
            Map<String, Object> content = AclFiles.read(file);
            content = content == null ? new LinkedHashMap<>() : content;
            content.put(AclFiles.GLOBAL_WHITE, new ArrayList<>(patterns));
            writeAndReload(file, content);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new AclException(e.getMessage());
        }
    }

    /** Writes {@code content} with the file's next data version, then loads the files again. */
    private void writeAndReload(String file, Map<String, Object> content) {
        DataVersion next = AclFiles.version(content, clock.millis()).next(clock.millis());
        content.put(AclFiles.DATA_VERSION, AclFiles.versionEntry(next));
        AclFiles.write(file, content);
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("ACL file {} written, but the files do not load; the rules in force stay: {}", file,
                e.getMessage());
        }
    }

    @Override
    public synchronized DataVersion aclConfigVersion() {
        return defaultVersion;
    }

    @Override
    public Map<String, DataVersion> allAclConfigVersions() {
        return rules.versions();
    }

    /** The global white addresses and accounts as the files hold them now; an account once, from its first file. */
    @Override
    public AclConfig allAclConfig() throws AclException {
        List<String> white = new ArrayList<>();
        List<PlainAccessConfig> accounts = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        try {
            for (String file : rules.files()) {
                Map<String, Object> content = AclFiles.read(file);
                if (content == null || content.isEmpty()) {
                    continue;
                }
                white.addAll(AclFiles.strings(content.get(AclFiles.GLOBAL_WHITE), AclFiles.GLOBAL_WHITE));
                for (PlainAccessConfig a : AclFiles.accounts(content)) {
                    if (keys.add(a.accessKey())) {
                        accounts.add(a);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new AclException(e.getMessage());
        }
        return new AclConfig(white, accounts);
    }

    /** What tells one version of a file from the next: its modification time, size and content hash. */
    private record FileStamp(long modifiedMillis, long size, int contentHash) {
        static Map<String, FileStamp> of(List<String> files) {
            Map<String, FileStamp> out = new HashMap<>();
            for (String f : files) {
                Path p = Path.of(f);
                try {
                    byte[] bytes = Files.readAllBytes(p);
                    out.put(f, new FileStamp(Files.getLastModifiedTime(p).toMillis(), bytes.length,
                        Arrays.hashCode(bytes)));
                } catch (IOException e) {
                    out.put(f, new FileStamp(-1, -1, 0));
                }
            }
            return out;
        }
    }
}
