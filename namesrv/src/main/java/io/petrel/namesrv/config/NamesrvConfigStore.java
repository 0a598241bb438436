package io.petrel.namesrv.config;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameServer config in force, replaceable at run time by UPDATE_NAMESRV_CONFIG and then saved to
 * {@code configStorePath}. Settings read per request (e.g. {@code orderMessageEnable}) apply at once; network
 * settings apply at the next start. Thread-safe.
 */
public final class NamesrvConfigStore {
    private static final Logger LOG = LoggerFactory.getLogger(NamesrvConfigStore.class);

    private final NamesrvConfigMapper mapper;
    private final AtomicReference<NamesrvConfig> current;

    public NamesrvConfigStore(NamesrvConfigMapper mapper, NamesrvConfig initial) {
        this.mapper = mapper;
        this.current = new AtomicReference<>(initial);
    }

    public NamesrvConfig current() {
        return current.get();
    }

    /** Validates and applies {@code updates}; raises {@link io.petrel.common.config.ConfigException} (and changes nothing) on a bad value. */
    public synchronized void update(Properties updates) {
        NamesrvConfigMapper.Result r = mapper.update(current.get(), updates);
        r.unknownKeys().forEach(k -> LOG.warn("unknown NameServer setting ignored: {}", k));
        current.set(r.config());
        LOG.info("NameServer config updated: {}", updates);
        persist(r.config());
    }

    private void persist(NamesrvConfig config) {
        Path file = Path.of(config.configStorePath());
        try {
            Properties p = new Properties();
            p.putAll(config.effective());
            StringWriter text = new StringWriter();
            p.store(text, null);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text.toString());
        } catch (IOException e) {
            LOG.warn("updated config not saved to {}: {}", file, e.toString());
        }
    }
}
