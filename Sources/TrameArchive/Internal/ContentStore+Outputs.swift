import Foundation
import TrameFiles

/// Files written outside the workspace on its behalf (a backup's temporary, beside its destination):
/// their path is noted in `tmp/<token>.sortie` before they are created, so that the recovery can
/// remove one that a dead process left behind. The note is removed once the file is renamed into
/// place or given up.
extension ContentStore {
    /// `tmp/<token>.sortie`.
    func outputNoteURL(_ token: String) -> URL { tmp.appendingPathComponent("\(token).sortie") }

    /// Notes, durably, the path of a temporary about to be written outside the workspace.
    func noteOutput(_ temporary: URL, in note: URL) throws {
        var pending: Data? = Data(temporary.path.utf8)
        _ = try ContentStore.write(to: note) {
            defer { pending = nil }
            return pending
        }
    }

    /// Removes the temporary that `note` names, when `note` is such a note and the name is one of
    /// ours (`.NAME.trame-UUID`, see `Workspace.writeAtomically`); anything else is left alone.
    func removeNotedOutput(_ note: URL) {
        guard note.pathExtension == "sortie", let data = try? Data(contentsOf: note) else { return }
        let temporary = URL(fileURLWithPath: String(decoding: data, as: UTF8.self))
        let name = temporary.lastPathComponent
        guard name.hasPrefix("."), let marker = name.range(of: ".trame-"), UUID(uuidString: String(name[marker.upperBound...])) != nil else {
            return
        }
        POSIXFile.remove(temporary)
    }
}
