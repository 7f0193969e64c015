// The diagnostic vocabulary (Diagnostic, DiagnosticCode, FieldPath, SourceLocation) is part of the
// model's public face: every module that reads a convention or a dossier reports with it.
@_exported import TrameDiagnostics
