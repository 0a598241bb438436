package io.petrel.broker.admin;

import io.petrel.broker.config.BrokerConfigStore;
import io.petrel.common.config.ConfigException;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import io.petrel.remoting.protocol.header.GetBrokerConfigResponseHeader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET_BROKER_CONFIG (every setting in force: broker, remoting and store keys) and UPDATE_BROKER_CONFIG (checked
 * against the whole model, all or nothing, written to the broker's config file; a refused update names its key).
 */
public final class BrokerConfigAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerConfigAdmin.class);

    private final BrokerConfigStore configs;

    public BrokerConfigAdmin(BrokerConfigStore configs) {
        this.configs = configs;
    }

    public void registerInto(AdminBrokerProcessor processor) {
        processor.register(RequestCode.GET_BROKER_CONFIG, (ch, req) -> brokerConfig())
            .register(RequestCode.UPDATE_BROKER_CONFIG, (ch, req) -> update(req));
    }

    private RemotingCommand brokerConfig() {
        String version = new String(configs.dataVersion().encode(), StandardCharsets.UTF_8);
        return RemotingCommand.createResponse(ResponseCode.SUCCESS, null, new GetBrokerConfigResponseHeader(version))
            .body(configs.settings().toPropertiesText().getBytes(StandardCharsets.UTF_8));
    }

    private RemotingCommand update(RemotingCommand req) {
        if (req.body() == null) {
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, null);
        }
        Properties props = new Properties();
        try {
            props.load(new StringReader(new String(req.body(), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "string2Properties error");
        }
        try {
            BrokerConfigStore.Update u = configs.update(props);
            String remark = u.atNextStart().isEmpty() ? null : "saved; takes effect at the next start: "
                + u.atNextStart();
            return RemotingCommand.createResponse(ResponseCode.SUCCESS, remark);
        } catch (ConfigException e) {
            LOG.warn("broker config update refused: {}", e.getMessage());
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "update refused, nothing changed: "
                + e.getMessage());
        } catch (UncheckedIOException e) {
            LOG.warn("broker config update not saved: {}", e.getMessage());
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "update not saved, nothing changed: "
                + e.getMessage());
        }
    }
}
