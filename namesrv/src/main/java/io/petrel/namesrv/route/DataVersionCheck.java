package io.petrel.namesrv.route;

import io.petrel.common.route.DataVersion;

/** Answer to QUERY_DATA_VERSION: whether the broker's version differs, and the stored one (null when unknown). */
public record DataVersionCheck(boolean changed, DataVersion stored) {
}
