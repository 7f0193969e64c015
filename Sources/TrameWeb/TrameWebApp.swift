import Foundation
import Hummingbird
import Logging
import TrameAccounts

/// The web application of Trame: its router and its server.
public enum TrameWebApp {
    /// Every route, behind the session middleware. Each route checks the partner's role on the server.
    /// - Throws: `WebStartError` when the workspace or the templates cannot be used.
    public static func router(configuration: WebConfiguration) throws -> Router<WebContext> {
        let services = try WebServices(configuration: configuration)
        if (try? services.accounts.accounts().isEmpty) ?? false {
            FileHandle.standardError.write(Data("trame-web: aucun compte dans cet espace de travail : créez-en avec « trame users add IDENTIFIANT --role RÔLE »\n".utf8))
        }
        // HEAD answers as GET without the body (link checkers, proxies: issue 16).
        let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SessionMiddleware(services: services))
        StaticRoutes.register(on: router, services: services)
        LoginRoutes.register(on: router, services: services)
        DossierListRoutes.register(on: router, services: services)
        DossierFormRoutes.register(on: router, services: services)
        DossierFileRoutes.register(on: router, services: services)
        DossierPageRoutes.register(on: router, services: services)
        DocumentRoutes.register(on: router, services: services)
        FileRoutes.register(on: router, services: services)
        DashboardRoutes.register(on: router, services: services)
        TodoRoutes.register(on: router, services: services)
        ConventionRoutes.register(on: router, services: services)
        AdminRoutes.register(on: router, services: services)
        APIRoutes.register(on: router, services: services)
        return router
    }

    /// The server on `configuration.host:port`; `onRunning` receives the address actually bound.
    public static func application(configuration: WebConfiguration,
                                   onRunning: @escaping @Sendable (String) -> Void = { _ in }) throws -> some ApplicationProtocol {
        var logger = Logger(label: "trame-web")
        logger.logLevel = .warning
        return Application(
            router: try router(configuration: configuration),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "trame-web"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                onRunning("http://\(configuration.host):\(port)")
            },
            logger: logger
        )
    }

    /// Runs the server until SIGINT or SIGTERM.
    public static func run(configuration: WebConfiguration, onRunning: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        try await application(configuration: configuration, onRunning: onRunning).runService()
    }
}
