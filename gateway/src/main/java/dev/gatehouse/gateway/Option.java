package dev.gatehouse.gateway;

/**
 * Every setting, with its flag, its environment variable and its help text: the one source for parsing and --help.
 * Default values shown come from the settings records that define them.
 */
enum Option {
    HTTP_PORT("--http-port", "GATEHOUSE_HTTP_PORT", "PORT",
            "gateway (data plane) port; 0 picks a free one", String.valueOf(ListenerSettings.DEFAULT_HTTP_PORT)),
    ADMIN_PORT("--admin-port", "GATEHOUSE_ADMIN_PORT", "PORT",
            "admin API port (also /healthz, /readyz); 0 picks a free one",
            String.valueOf(ListenerSettings.DEFAULT_ADMIN_PORT)),
    BIND("--bind", "GATEHOUSE_BIND", "ADDRESS",
            "address both servers listen on", ListenerSettings.DEFAULT_BIND),
    ROLE("--role", "GATEHOUSE_ROLE", "ROLE",
            "what this process serves: gateway, admin or all", "all"),
    DATA_DIR("--data-dir", "GATEHOUSE_DATA_DIR", "DIR",
            "embedded PostgreSQL, generated master key and operator token",
            "./" + StorageSettings.DEFAULT_DATA_DIR + ", relative to the working directory"),
    DATABASE_URL("--database-url", "GATEHOUSE_DATABASE_URL", "URL",
            "external PostgreSQL, e.g. postgresql://user:password@host:5432/gatehouse",
            "unset: an embedded PostgreSQL in the data directory"),
    MASTER_KEY("--master-key", "GATEHOUSE_MASTER_KEY", "KEY",
            "key for secrets at rest: 32 bytes in base64, or file:PATH",
            "unset: generated into the data directory"),
    OPERATOR_TOKEN("--operator-token", "GATEHOUSE_OPERATOR_TOKEN", "TOKEN",
            "bearer token with every admin right, or file:PATH",
            "unset: generated into the data directory and printed once"),
    EVENT_LOOPS("--event-loops", "GATEHOUSE_EVENT_LOOPS", "N",
            "event-loop threads serving the gateway port (connections are spread over them)",
            "the number of processors"),
    SHUTDOWN_GRACE("--shutdown-grace", "GATEHOUSE_SHUTDOWN_GRACE", "DURATION",
            "how long in-flight requests may run on SIGTERM, e.g. 10s, 500ms, 1m",
            LifecycleSettings.DEFAULT_SHUTDOWN_GRACE.toSeconds() + "s"),
    TRUSTED_PROXIES("--trusted-proxies", "GATEHOUSE_TRUSTED_PROXIES", "CIDR,...",
            "proxies in front of the gateway (load balancer, nginx) whose X-Forwarded-For and X-Forwarded-Proto are"
                    + " believed, as IPv4/IPv6 addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8",
            "unset: none; clients connect directly"),
    GOOGLE_CREDENTIALS("--google-credentials", "GATEHOUSE_GOOGLE_CREDENTIALS", "FILE",
            "service-account key file of the gateway's own Google identity (signs ID tokens for Cloud Run upstreams)",
            "unset: the file GOOGLE_APPLICATION_CREDENTIALS names, else the metadata server on Google Cloud"),
    GOOGLE_SERVICE_ACCOUNT("--google-service-account", "GATEHOUSE_GOOGLE_SERVICE_ACCOUNT", "EMAIL",
            "email of that identity, shown in the admin API's gcloud commands for upstreams",
            "unset: a GATEWAY_SERVICE_ACCOUNT placeholder in those commands"),
    CLUSTER_MEMBERS("--cluster-members", "GATEHOUSE_CLUSTER_MEMBERS", "HOST:PORT,...",
            "Hazelcast members (clustering is not implemented yet)", "unset: not clustered"),
    CLUSTER_NAME("--cluster-name", "GATEHOUSE_CLUSTER_NAME", "NAME",
            "Hazelcast cluster name", ClusterSettings.DEFAULT_NAME),
    CLUSTER_PORT("--cluster-port", "GATEHOUSE_CLUSTER_PORT", "PORT",
            "Hazelcast member port", String.valueOf(ClusterSettings.DEFAULT_PORT));

    final String flag;
    final String env;
    final String valueName;
    final String description;
    final String defaultText;

    Option(String flag, String env, String valueName, String description, String defaultText) {
        this.flag = flag;
        this.env = env;
        this.valueName = valueName;
        this.description = description;
        this.defaultText = defaultText;
    }

    static Option byFlag(String flag) {
        for (Option option : values()) {
            if (option.flag.equals(flag)) {
                return option;
            }
        }
        return null;
    }
}
