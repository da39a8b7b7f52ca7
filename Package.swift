// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "playbook",
    products: [
        .executable(name: "playbook", targets: ["playbook"]),
        .library(name: "PlaybookKit", targets: ["PlaybookKit"]),
    ],
    targets: [
        .target(name: "PlaybookKit", exclude: ["Support/generate"]),
        .executableTarget(name: "playbook", dependencies: ["PlaybookKit"]),
        .testTarget(
            name: "PlaybookKitTests", dependencies: ["PlaybookKit", "playbook"],
            exclude: ["Fixtures", "Reference", "Browser/walk_in_browser.py", "Editors/grammar_check.py", "Editors/neovim_client.lua"]),
    ],
    swiftLanguageModes: [.v6]
)
