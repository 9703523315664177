package org.sanctuary.gateway;

import org.sanctuary.common.runtime.ServiceMain;

public class GatewayApplication {

    public static void main(String[] args) {
        ServiceMain.run(GatewayApplication.class, args);
    }
}
