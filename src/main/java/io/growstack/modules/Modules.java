package io.growstack.modules;

import java.util.List;

/** Every generated module, in the order the root template and the docs list them. */
public final class Modules {
    private Modules() {
    }

    /** The module definitions. */
    public static List<ModuleDefinition> all() {
        return List.of(NetworkModule.natInstance(), NetworkModule.natGateway(), NetworkModule.noNat(),
                new BastionModule(), ServiceModule.inPlace(), new DeliveryModule(), new ServerModule(),
                new DatabaseModule(), new CacheModule(), new StaticSiteModule(), new MonitoringModule(), new BudgetModule());
    }
}
