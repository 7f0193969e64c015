import Foundation

/// Where the bundled `Templates/` and `Conventions/` folders are: `$TRAME_RESOURCES`, else the first
/// folder holding both found walking up from the executable, else from the current directory.
public enum TrameResources {
    public static let root: URL? = locate()

    public static var conventionsDirectory: URL? { root?.appendingPathComponent("Conventions") }
    public static var templatesDirectory: URL? { root?.appendingPathComponent("Templates") }

    static func locate() -> URL? {
        let fm = FileManager.default
        func holdsResources(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("Templates").path)
                && fm.fileExists(atPath: url.appendingPathComponent("Conventions").path)
        }
        if let env = ProcessInfo.processInfo.environment["TRAME_RESOURCES"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath))
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                if holdsResources(dir) { return dir }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }
}
