package io.petrel.namesrv.processor;

import io.netty.channel.Channel;
import io.petrel.common.config.ConfigException;
import io.petrel.namesrv.config.NamesrvConfigStore;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.RequestCode;
import io.petrel.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

/**
 * GET_NAMESRV_CONFIG ({@code key=value} lines) and UPDATE_NAMESRV_CONFIG (a properties body; file locations
 * cannot be changed remotely). Updated values are validated like the config file's.
 */
public final class NamesrvConfigProcessor extends GuardedProcessor {
    private static final Set<String> NOT_UPDATABLE = Set.of("kvConfigPath", "configStorePath");

    private final NamesrvConfigStore configs;

    public NamesrvConfigProcessor(NamesrvConfigStore configs) {
        this.configs = configs;
    }

    @Override
    protected RemotingCommand serve(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.code()) {
            case RequestCode.GET_NAMESRV_CONFIG -> success().body(configs.current().toPropertiesText());
            case RequestCode.UPDATE_NAMESRV_CONFIG -> update(request);
            default -> unexpectedCode(request);
        };
    }

    private RemotingCommand update(RemotingCommand request) {
        if (request.body() == null) {
            return success();
        }
        Properties props = new Properties();
        try {
            props.load(new StringReader(new String(request.body(), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, "bad properties body: " + e.getMessage());
        }
        for (String key : props.stringPropertyNames()) {
            if (NOT_UPDATABLE.contains(key)) {
                return RemotingCommand.createResponse(ResponseCode.NO_PERMISSION,
                    "Can not update config in black list: " + key);
            }
        }
        try {
            configs.update(props);
        } catch (ConfigException e) {
            return RemotingCommand.createResponse(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        return success();
    }
}
