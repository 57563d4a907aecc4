// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Test code (the test targets and ReelTesting): the same, but not optimized in a release build. scripts/test builds the
/// Swift suites in release on the modules of the `reel` it builds for the end-to-end suites; optimizing the test code
/// itself would only take time.
let testSwiftSettings: [SwiftSetting] = swiftSettings + [.unsafeFlags(["-Onone"], .when(configuration: .release))]

let package = Package(
    name: "reel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "reel", targets: ["reel"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0", traits: []),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.0"),
    ],
    targets: [
        // System libraries: a module map and a shim header each; only the matching Reel… module imports them.
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),

        .target(
            name: "ReelRedis",
            dependencies: [
                "CHiredis",
                "COpenSSL",
                "ReelLogging",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "ReelTime", swiftSettings: swiftSettings),
        .target(name: "ReelLogging", swiftSettings: swiftSettings),
        .target(
            name: "ReelHTTP",
            dependencies: [
                "CCurl", "ReelLogging", "ReelTime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "ReelCrypto", dependencies: ["COpenSSL", "ReelJSON"], swiftSettings: swiftSettings),
        .target(name: "ReelJSON", swiftSettings: swiftSettings),
        .target(
            name: "ReelRouting",
            dependencies: ["ReelCrypto", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReelConfiguration",
            dependencies: ["ReelRouting", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReelRoutingRedis",
            dependencies: [
                "ReelCrypto", "ReelRouting", "ReelLogging", "ReelRedis", "ReelTime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReelQueue",
            dependencies: [
                "ReelLogging", "ReelRedis", "ReelJSON", "ReelTime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "ReelVideo", dependencies: ["ReelQueue", "ReelJSON"], swiftSettings: swiftSettings),
        .target(
            name: "ReelStorage",
            dependencies: [
                "ReelCrypto", "ReelHTTP", "ReelConfiguration", "ReelLogging",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReelProviders",
            dependencies: ["ReelCrypto", "ReelHTTP", "ReelJSON", "ReelLogging", "ReelTime", "ReelVideo", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReelSim",
            dependencies: [
                "ReelAPICore", "ReelCrypto", "ReelJSON", "ReelVideo",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReelAPICore",
            dependencies: ["ReelCrypto", "ReelLogging", "ReelRouting", "ReelTime", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReelPassthrough",
            dependencies: [
                "ReelAPICore", "ReelCrypto", "ReelHTTP", "ReelLogging", "ReelRouting", "ReelRoutingRedis", "ReelConfiguration",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReelAPI",
            dependencies: [
                "ReelAPICore", "ReelPassthrough", "ReelCrypto", "ReelRedis", "ReelRouting", "ReelRoutingRedis", "ReelConfiguration", "ReelQueue",
                "ReelVideo", "ReelStorage", "ReelHTTP", "ReelJSON", "ReelLogging", "ReelTime", "ReelProviders",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReelWorker",
            dependencies: [
                "ReelRouting", "ReelRoutingRedis", "ReelConfiguration", "ReelQueue", "ReelVideo", "ReelStorage", "ReelProviders", "ReelJSON", "ReelRedis", "ReelHTTP",
                "ReelLogging", "ReelTime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReelTesting",
            dependencies: ["ReelRedis", "ReelHTTP", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: testSwiftSettings
        ),
        .executableTarget(
            name: "reel",
            dependencies: [
                "ReelAPI", "ReelAPICore", "ReelWorker", "ReelSim", "ReelQueue", "ReelRedis", "ReelRouting", "ReelRoutingRedis", "ReelConfiguration",
                "ReelHTTP", "ReelCrypto", "ReelVideo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "ReelRedisTests",
            dependencies: ["ReelRedis", "ReelTesting", .product(name: "InMemoryLogging", package: "swift-log")],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(name: "ReelQueueTests", dependencies: ["ReelQueue", "ReelTesting"], swiftSettings: testSwiftSettings),
        .testTarget(name: "ReelVideoTests", dependencies: ["ReelVideo", "ReelQueue"], swiftSettings: testSwiftSettings),
        .testTarget(name: "ReelConfigurationTests", dependencies: ["ReelConfiguration", "ReelRouting", "ReelTesting"], swiftSettings: testSwiftSettings),
        .testTarget(
            name: "ReelStorageTests",
            dependencies: ["ReelStorage", "ReelConfiguration", "ReelHTTP", "ReelTesting", .product(name: "Logging", package: "swift-log")],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(name: "ReelCryptoTests", dependencies: ["ReelCrypto", "ReelJSON", "ReelTesting"], swiftSettings: testSwiftSettings),
        .testTarget(name: "ReelJSONTests", dependencies: ["ReelJSON"], swiftSettings: testSwiftSettings),
        .testTarget(
            name: "ReelRoutingTests",
            dependencies: ["ReelRouting", "ReelRoutingRedis", "ReelConfiguration", "ReelTesting"],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "ReelHTTPTests",
            dependencies: ["ReelHTTP", "ReelSim", "ReelTesting", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "ReelProvidersTests",
            dependencies: ["ReelProviders", "ReelCrypto", "ReelHTTP", "ReelSim", "ReelTesting", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "ReelAPITests",
            dependencies: [
                "ReelAPI", "ReelAPICore", "ReelPassthrough", "ReelConfiguration", "ReelQueue", "ReelRedis", "ReelRouting", "ReelStorage",
                "ReelTesting", "ReelTime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "ReelPassthroughTests",
            dependencies: [
                "ReelPassthrough", "ReelAPICore", "ReelHTTP", "ReelRedis", "ReelRouting", "ReelRoutingRedis", "ReelSim", "ReelTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(
            name: "ReelSimTests",
            dependencies: ["ReelSim", "ReelVideo", "ReelTesting"],
            swiftSettings: testSwiftSettings
        ),
        .testTarget(name: "ReelWorkerTests", dependencies: ["ReelWorker", "ReelHTTP", "ReelProviders", "ReelRouting", "ReelSim", "ReelTesting"], swiftSettings: testSwiftSettings),
    ]
)
