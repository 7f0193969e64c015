import Foundation
import Testing
import TrameDocument
import TrameModel
import TrameTemplates

/// Versioned clauses: version chosen by the reference date, conditions explained, errors located.
@Suite("Clauses")
struct ClauseTests {
    static func clause(_ name: String, version: Int, effective: String, quand: String? = nil, body: String) -> ClauseSource {
        var text = "---\nclause: test.\(name)\nversion: \(version)\nen_vigueur: \(effective)\ntitre: Clause \(name)\n"
        if let quand { text += "quand: '\(quand)'\n" }
        text += "---\n" + body + "\n"
        return ClauseSource(id: "test.\(name)", version: version, path: "Templates/test/clauses/\(name).v\(version).trame", text: text)
    }

    static let library: [ClauseSource] = [
        clause("depot", version: 1, effective: "2018-01-01", quand: "sous_location.depot_garantie > 0", body: "@article Dépôt\nDépôt, version 1."),
        clause("depot", version: 2, effective: "2019-06-01", quand: "sous_location.depot_garantie > 0", body: "@article Dépôt\nDépôt, version 2."),
        clause("meuble", version: 1, effective: "2018-01-01", quand: "logement.meuble", body: "@article Meublé\nLogement meublé."),
        clause("protection", version: 1, effective: "2018-01-01", quand: "sous_locataire.protecteur", body: "Protégé."),
        clause("toujours", version: 1, effective: "2018-01-01", body: "@article Objet\nToujours là."),
    ]

    static func document(_ extra: String = "") -> String {
        """
        ---
        document: test
        version: 1
        en_vigueur: 2018-01-01
        date_reference: sous_location.date_effet
        titre: Test
        audience: sous-locataire
        ---
        @clause toujours
        @clause meuble
        @clause depot
        @clause protection
        \(extra)
        """
    }

    func render(_ dossier: String, versions: [String: Int] = [:], context: DataNode? = nil, draft: Bool = false) throws -> RenderResult {
        let template = try TemplateLoader.load(source: Self.document(), name: "test.v1.trame", clauses: .dictionary(Self.library))
        return template.render(context: context ?? Fixtures.context(dossier, draft: draft),
                               options: RenderOptions(draft: draft, audience: .sousLocataire, clauseVersions: versions))
    }

    func text(_ result: RenderResult) -> String {
        (result.document?.blocks ?? []).map { block -> String in
            switch block {
            case .paragraph(let p): return Plain.text(p.inlines)
            case .article(let n, let title): return "Article \(n) – " + Plain.text(title)
            default: return ""
            }
        }.joined(separator: "\n")
    }

    @Test func versionInForceOnTheReferenceDateIsUsed() throws {
        // MJ-2019-004 starts on 2019-04-01: version 1; MJ-2019-011 starts on 2019-08-01 but has no deposit.
        let before = try render("MJ-2019-004")
        #expect(text(before).contains("Dépôt, version 1."))
        #expect(before.referenceDate == CalendarDate(iso: "2019-04-01"))
        #expect(before.clauses.first { $0.id == "test.depot" }?.version == 1)

        var context = Fixtures.context("MJ-2019-004")
        context = Self.withSubleaseStart(context, "2019-06-01")
        let after = try render("MJ-2019-004", context: context)
        #expect(text(after).contains("Dépôt, version 2."))
        #expect(after.clauses.first { $0.id == "test.depot" }?.version == 2)
    }

    @Test func pinnedVersionsWinOverNewerOnes() throws {
        let context = Self.withSubleaseStart(Fixtures.context("MJ-2019-004"), "2020-01-01")
        let pinned = try render("MJ-2019-004", versions: ["test.depot": 1], context: context)
        #expect(text(pinned).contains("Dépôt, version 1."))
        let missing = try render("MJ-2019-004", versions: ["test.depot": 7])
        #expect(missing.document == nil)
        #expect(missing.diagnostics.contains { $0.code == .versionClause && $0.message.contains("versions : 1, 2") })
    }

    @Test func noVersionInForceIsAnError() throws {
        let context = Self.withSubleaseStart(Fixtures.context("MJ-2019-004"), "2017-05-01")
        let result = try render("MJ-2019-004", context: context)
        #expect(result.document == nil)
        #expect(result.diagnostics.contains { $0.code == .horsVigueur && $0.message.contains("n'était en vigueur le 01/05/2017") })
    }

    @Test func conditionsAreExplainedWithTheirValues() throws {
        let woman = try render("MJ-2019-004").clauses
        #expect(woman.map(\.id) == ["test.toujours", "test.meuble", "test.depot", "test.protection"])
        #expect(woman[0].included && woman[0].reason == "toujours (clause sans condition)")
        #expect(!woman[1].included && woman[1].reason == "logement.meuble = non")
        #expect(woman[2].included && woman[2].reason == "sous_location.depot_garantie = 351,2 (> 0)")
        #expect(woman[3].included)

        let man = try render("MJ-2019-011").clauses
        #expect(man[1].included && man[1].reason == "logement.meuble = oui")
        #expect(!man[2].included && man[2].reason == "sous_location.depot_garantie = 0 (> 0)")
        #expect(!man[3].included && man[3].reason == "sous_locataire.protecteur absent")
    }

    @Test func missingDataInAConditionIsAnErrorInAFinalDocumentAndFalseInADraft() throws {
        var context = Fixtures.context("MJ-2019-004")
        context = Self.removing(context, "sous_location", "depot_garantie")
        let final = try render("MJ-2019-004", context: context)
        #expect(final.document == nil)
        #expect(final.diagnostics.contains { $0.code == .valeurManquante && $0.path?.description == "sous_location.depot_garantie" })
        let draft = try render("MJ-2019-004", context: context, draft: true)
        #expect(draft.document != nil)
        #expect(draft.clauses.first { $0.id == "test.depot" }?.included == false)
        #expect(draft.clauses.first { $0.id == "test.depot" }?.reason.contains("absent") == true)
    }

    @Test func unknownClauseIsALoadErrorWithItsLocation() {
        #expect(throws: Diagnostics.self) {
            _ = try TemplateLoader.load(source: Self.document("@clause inexistante"), name: "test.v1.trame", clauses: .dictionary(Self.library))
        }
        do {
            _ = try TemplateLoader.load(source: Self.document("@clause inexistante"), name: "test.v1.trame", clauses: .dictionary(Self.library))
        } catch {
            let d = error.diagnostics.first { $0.code == .clauseInconnue }
            #expect(d?.location?.line == 13)
            #expect(d?.location?.column == 9)
            #expect(d?.message.contains("test/clauses/inexistante.v1.trame") == true)
        }
    }

    @Test func clauseFilesAreCheckedLikeTemplates() {
        let wrongID = ClauseSource(id: "test.x", version: 1, path: "x.v1.trame", text: "---\nclause: test.y\nversion: 1\nen_vigueur: 2018-01-01\ntitre: X\n---\nTexte.\n")
        let unknownField = ClauseSource(id: "test.z", version: 1, path: "z.v1.trame",
                                        text: "---\nclause: test.z\nversion: 1\nen_vigueur: 2018-01-01\ntitre: Z\nquand: logement.meubl\n---\n{{ logement.etag }}\n")
        let source = "---\ndocument: test\n---\n@clause x\n@clause z\n"
        do {
            _ = try TemplateLoader.load(source: source, name: "t.trame", clauses: .dictionary([wrongID, unknownField]))
            Issue.record("load should fail")
        } catch {
            let codes = error.diagnostics.map(\.code.rawValue)
            #expect(codes.contains("CLAUSE_INVALIDE"))
            #expect(error.diagnostics.contains { $0.code == .variableInconnue && $0.location?.file == "z.v1.trame" && $0.location?.line == 6 })
            #expect(error.diagnostics.contains { $0.code == .variableInconnue && $0.location?.file == "z.v1.trame" && $0.location?.line == 8 })
        }
    }

    @Test func versionsMustComeInDateOrder() {
        let v1 = Self.clause("ordre", version: 1, effective: "2019-01-01", body: "A")
        let v2 = Self.clause("ordre", version: 2, effective: "2018-01-01", body: "B")
        do {
            _ = try TemplateLoader.load(source: "---\ndocument: test\n---\n@clause ordre\n", name: "t.trame", clauses: .dictionary([v1, v2]))
            Issue.record("load should fail")
        } catch {
            #expect(error.diagnostics.contains { $0.code == .versionClause })
        }
    }

    @Test func prefetMayReadTheRecommendationButNotTheSharedPart() throws {
        let context = ContextBuilder.dossierContext(dossier: Fixtures.load("dossier-MJ-2019-002.yaml"), convention: Fixtures.convention,
                                                    audience: .prefet, draft: false, selection: .evaluation(CalendarDate(iso: "2020-08-06")!))
        let allowed = try TemplateLoader.load(source: "---\ndocument: t\naudience: prefet\n---\n{{ evaluation.recommandation | libelle }} : {{ evaluation.motifs }}\n", name: "t.trame")
        let ok = allowed.render(context: context, options: RenderOptions(audience: .prefet))
        #expect(ok.document != nil, "\(ok.diagnostics.map(\.headline))")
        let forbidden = try TemplateLoader.load(source: "---\ndocument: t\naudience: prefet\n---\nDette : {{ evaluation.partie_partagee.dette_locative | montant }}\n", name: "t.trame")
        let refused = forbidden.render(context: context, options: RenderOptions(draft: true, audience: .prefet))
        #expect(refused.document == nil)
        #expect(refused.diagnostics.contains { $0.code == .audience && $0.message.contains("prefet") })
    }

    @Test func clauseHashChangesWithAnyCharacter() {
        let a = ClauseSource(id: "x.y", version: 1, path: "p", text: "Texte.")
        let b = ClauseSource(id: "x.y", version: 1, path: "p", text: "Texte .")
        #expect(a.sha256 != b.sha256)
        #expect(a.sha256.count == 64)
    }

    // MARK: Context edits

    static func withSubleaseStart(_ context: DataNode, _ date: String) -> DataNode {
        edit(context, ["sous_location", "date_effet"]) { node in node.value = .date(CalendarDate(iso: date)!) }
    }

    static func removing(_ context: DataNode, _ parent: String, _ key: String) -> DataNode {
        var copy = context
        guard case .object(var root) = copy.value, var child = root[parent], case .object(var fields) = child.value else { return context }
        fields.entries.removeAll { $0.key == key }
        child.value = .object(fields)
        root.set(parent, child)
        copy.value = .object(root)
        return copy
    }

    static func edit(_ node: DataNode, _ path: [String], _ change: (inout DataNode) -> Void) -> DataNode {
        var copy = node
        guard let first = path.first else { change(&copy); return copy }
        guard case .object(var object) = copy.value, let child = object[first] else { return node }
        object.set(first, edit(child, Array(path.dropFirst()), change))
        copy.value = .object(object)
        return copy
    }
}
