import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Who runs the command, for the versions and the audit log when `--by` is not given.
///
/// The account database comes first: `$USER` and `$LOGNAME` are set by login shells only, not in
/// containers (`docker exec`), cron jobs, systemd services or `sudo -i`-less scripts, where every
/// action used to be recorded as « inconnu ».
enum SystemUser {
    /// The name of the effective user (`getpwuid(geteuid())`), else `$USER`, else `$LOGNAME`,
    /// else the numeric id (`uid 1000`).
    static var name: String {
        if let entry = getpwuid(geteuid()), let raw = entry.pointee.pw_name {
            let name = String(cString: raw)
            if !name.isEmpty { return name }
        }
        let env = ProcessInfo.processInfo.environment
        return [env["USER"], env["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty } ?? "uid \(geteuid())"
    }
}
