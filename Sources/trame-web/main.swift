import Foundation
import TrameWeb

/// `trame-web [--workspace DIR] [--port N] [--host ADRESSE]`: serves the partners' web application.
let usage = """
    Usage : trame-web [--workspace DOSSIER] [--port N] [--host ADRESSE]
      --workspace  espace de travail Trame (sinon $TRAME_HOME, sinon ./trame-data)
      --port       port d'écoute (8080 par défaut ; 0 : un port libre, affiché au démarrage)
      --host       adresse d'écoute (127.0.0.1 par défaut : placez un proxy TLS devant pour le réseau)

    """

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("trame-web: \(message)\n".utf8))
    exit(status)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var workspace = ProcessInfo.processInfo.environment["TRAME_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "trame-data"
var port = 8080
var host = "127.0.0.1"
while !arguments.isEmpty {
    let option = arguments.removeFirst()
    if option == "--help" || option == "-h" {
        print(usage, terminator: "")
        exit(0)
    }
    guard ["--workspace", "--port", "--host"].contains(option) else { fail("option inconnue « \(option) »\n" + usage, status: 64) }
    guard !arguments.isEmpty else { fail("\(option) attend une valeur", status: 64) }
    let value = arguments.removeFirst()
    switch option {
    case "--workspace": workspace = value
    case "--port":
        guard let n = Int(value), (0...65535).contains(n) else { fail("--port attend un nombre de 0 à 65535 (reçu « \(value) »)", status: 64) }
        port = n
    default: host = value
    }
}
if !["127.0.0.1", "::1", "localhost"].contains(host) {
    FileHandle.standardError.write(Data("trame-web: attention : écoute sur \(host) ; les partenaires doivent passer par un proxy TLS (voir le README)\n".utf8))
}
let configuration = WebConfiguration(workspace: URL(fileURLWithPath: workspace).standardizedFileURL, host: host, port: port)
do {
    try await TrameWebApp.run(configuration: configuration) { address in
        FileHandle.standardOutput.write(Data("trame-web : écoute sur \(address) (espace de travail \(configuration.workspace.path))\n".utf8))
    }
} catch let error as WebStartError {
    fail(error.description, status: 66)
} catch {
    fail("\(error)", status: 70)
}
