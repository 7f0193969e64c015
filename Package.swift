// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Trame",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "trame", targets: ["trame"]),
        .executable(name: "trame-web", targets: ["trame-web"]),
        .library(name: "TrameDiagnostics", targets: ["TrameDiagnostics"]),
        .library(name: "TrameFiles", targets: ["TrameFiles"]),
        .library(name: "TrameModel", targets: ["TrameModel"]),
        .library(name: "TrameFrench", targets: ["TrameFrench"]),
        .library(name: "TrameDocument", targets: ["TrameDocument"]),
        .library(name: "TrameTemplates", targets: ["TrameTemplates"]),
        .library(name: "TrameProcedure", targets: ["TrameProcedure"]),
        .library(name: "TrameArchive", targets: ["TrameArchive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // One error vocabulary for every layer: located diagnostics with typed codes, their category,
        // exit status and HTTP status, and French descriptions of system errors.
        .target(name: "TrameDiagnostics", swiftSettings: swiftSettings),
        // Durable, atomic file writes (temporary file, fsync, rename, directory fsync) and the POSIX calls behind them.
        .target(name: "TrameFiles", dependencies: ["TrameDiagnostics"], swiftSettings: swiftSettings),
        // French legal writing: numbers and amounts in letters, dates, ordinals, agreement, typography.
        .target(name: "TrameFrench", swiftSettings: swiftSettings),
        // Convention and dossier model: loading with source locations, schema, validation, sensitivity.
        .target(
            name: "TrameModel",
            dependencies: ["TrameDiagnostics", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Document model and the ODT / DOCX / HTML writers.
        .target(
            name: "TrameDocument",
            dependencies: ["TrameDiagnostics", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        // Template language: parsing, load-time checks against the model schema, rendering to documents.
        .target(
            name: "TrameTemplates",
            dependencies: [
                "TrameModel", "TrameFrench", "TrameDocument",
                .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The convention's pathway, deadlines and funding: stages and their evidence, calendar, prorata.
        .target(name: "TrameProcedure", dependencies: ["TrameModel", "TrameFrench"], swiftSettings: swiftSettings),
        // The workspace: SQLite (GRDB) records, content-addressed file store, signed versions, audit log.
        .target(
            name: "TrameArchive",
            dependencies: [
                "TrameModel", "TrameFiles",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // The document set: from case files to checked data, rendered templates and written files.
        .target(
            name: "TrameAssembly",
            dependencies: ["TrameModel", "TrameTemplates", "TrameDocument", "TrameProcedure", "TrameFiles",
                           .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Partner accounts and roles (bcrypt password hashes) in the workspace: used by the CLI and the web app.
        .target(
            name: "TrameAccounts",
            dependencies: [
                "TrameModel", "TrameArchive",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The web application for the partners (Hummingbird): its own targets, so the CLI never compiles SwiftNIO.
        .target(
            name: "TrameWeb",
            dependencies: [
                "TrameModel", "TrameAssembly", "TrameProcedure", "TrameArchive", "TrameAccounts", "TrameDocument", "TrameTemplates",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Pages")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "trame-web", dependencies: ["TrameWeb"], swiftSettings: swiftSettings),
        // The commands of the `trame` tool (kept in a library so the executable stays thin).
        .target(
            name: "TrameCLI",
            dependencies: [
                "TrameModel", "TrameFrench", "TrameDocument", "TrameTemplates", "TrameProcedure", "TrameArchive", "TrameAssembly", "TrameAccounts", "TrameFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "trame", dependencies: ["TrameCLI"], swiftSettings: swiftSettings),
        // Benchmarks (run by hand, see Benchmarks/README.md; never part of the tests).
        .executableTarget(name: "trame-bench-writers", dependencies: ["TrameDocument"],
                          path: "Benchmarks/WriterBenchmark", swiftSettings: swiftSettings),
        .executableTarget(name: "trame-bench-archive", dependencies: ["TrameArchive", "TrameModel"],
                          path: "Benchmarks/ArchiveBenchmark", swiftSettings: swiftSettings),
        .executableTarget(name: "trame-bench", dependencies: ["TrameModel", "TrameTemplates", "TrameDocument"],
                          path: "Benchmarks/PipelineBenchmark", swiftSettings: swiftSettings),

        // Helpers shared by the test targets: the conformance tools, tool gates, a document's text.
        .target(name: "TrameTestSupport", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Tests/TrameTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "TrameDiagnosticsTests", dependencies: ["TrameDiagnostics"], swiftSettings: swiftSettings),
        .testTarget(name: "TrameFrenchTests", dependencies: ["TrameFrench"], swiftSettings: swiftSettings),
        .testTarget(name: "TrameModelTests", dependencies: ["TrameModel"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "TrameDocumentTests", dependencies: ["TrameDocument", "TrameTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "TrameTemplatesTests", dependencies: ["TrameTemplates", "TrameModel", "TrameDocument"], swiftSettings: swiftSettings),
        .testTarget(name: "TrameProcedureTests", dependencies: ["TrameProcedure", "TrameModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TrameArchiveTests",
            dependencies: [
                "TrameArchive", "TrameModel", "TrameDiagnostics",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TrameAssemblyTests", dependencies: ["TrameAssembly", "TrameTemplates", "TrameModel", "TrameDocument", "TrameTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TrameWebTests",
            dependencies: [
                "TrameWeb", "TrameAccounts", "TrameArchive", "TrameModel", "TrameDiagnostics", "TrameTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TrameCLITests", dependencies: ["TrameCLI", "TrameModel", "TrameAssembly", "TrameTestSupport"],
                    swiftSettings: swiftSettings),
    ]
)
