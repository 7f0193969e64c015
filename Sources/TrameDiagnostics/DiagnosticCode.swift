/// Every diagnostic code Trame reports, CLI and web app alike; `docs/diagnostics.md` lists them.
///
/// The raw value is what users see between brackets (`erreur [CLE_INCONNUE] …`) and what scripts
/// and tests match on: it never changes once published. Each code has one category, which decides
/// the exit status of a command and the HTTP status of a page.
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {

    // MARK: usage
    /// Argument inattendu.
    case argumentEnTrop = "ARGUMENT_EN_TROP"
    /// Argument ou option obligatoire absent.
    case argumentManquant = "ARGUMENT_MANQUANT"
    /// Sous-commande inconnue (avec « vouliez-vous dire … ? »).
    case commandeInconnue = "COMMANDE_INCONNUE"
    /// Ni --dossier ni --convention.
    case conventionManquante = "CONVENTION_MANQUANTE"
    /// Évaluation archivée sans --evaluation-date.
    case dateEvaluationManquante = "DATE_EVALUATION_MANQUANTE"
    /// Destinataire incohérent avec le document.
    case destinataire = "DESTINATAIRE"
    /// Destinataire inconnu.
    case destinataireInconnu = "DESTINATAIRE_INCONNU"
    /// Document inconnu.
    case documentInconnu = "DOCUMENT_INCONNU"
    /// Durée de conservation mal écrite.
    case dureeConservation = "DUREE_CONSERVATION"
    /// Référence de document généré mal écrite.
    case genereInvalide = "GENERE_INVALIDE"
    /// Nouvelle version signée sans motif.
    case motifManquant = "MOTIF_MANQUANT"
    /// Option d'évaluation pour un document qui n'en est pas une.
    case optionEvaluation = "OPTION_EVALUATION"
    /// Option inconnue (avec « vouliez-vous dire … ? »).
    case optionInconnue = "OPTION_INCONNUE"
    /// Option ou argument invalide.
    case optionInvalide = "OPTION_INVALIDE"
    /// Évaluation finale archivée sans --recommendation.
    case optionRecommandation = "OPTION_RECOMMANDATION"
    /// Recommandation indiquée pour un document qui n'est pas une évaluation finale.
    case recommandation = "RECOMMANDATION"
    /// Recommandation inconnue.
    case recommandationInconnue = "RECOMMANDATION_INCONNUE"
    /// Préfixe d'empreinte qui désigne plusieurs fichiers.
    case referenceAmbigue = "REFERENCE_AMBIGUE"
    /// Version signée sans signataires.
    case signataireManquant = "SIGNATAIRE_MANQUANT"

    // MARK: data
    /// Gabarit : valeur trop sensible pour le destinataire du document.
    case audience = "AUDIENCE"
    /// Avis au préfet (CCH L442-8-3) daté après son échéance, ou absent d'une période close.
    case avisPrefet = "AVIS_PREFET"
    /// Bailleur absent de la convention.
    case bailleurInconnu = "BAILLEUR_INCONNU"
    /// Bailleur désigné pour un rôle qui n'en a pas.
    case bailleurInutile = "BAILLEUR_INUTILE"
    /// Compte de bailleur sans bailleur désigné.
    case bailleurManquant = "BAILLEUR_MANQUANT"
    /// Base SQLite de l'espace de travail endommagée.
    case baseCorrompue = "BASE_CORROMPUE"
    /// Champ obligatoire absent.
    case champManquant = "CHAMP_MANQUANT"
    /// Version de clause verrouillée disparue.
    case clauseDisparue = "CLAUSE_DISPARUE"
    /// Clause inconnue.
    case clauseInconnue = "CLAUSE_INCONNUE"
    /// Fichier de clause invalide.
    case clauseInvalide = "CLAUSE_INVALIDE"
    /// Texte d'une version de clause verrouillée modifié.
    case clauseModifiee = "CLAUSE_MODIFIEE"
    /// Clé présente deux fois.
    case cleDupliquee = "CLE_DUPLIQUEE"
    /// Clé inconnue (avec « vouliez-vous dire … ? »).
    case cleInconnue = "CLE_INCONNUE"
    /// Clé qui n'est pas un texte.
    case cleInvalide = "CLE_INVALIDE"
    /// Bailleur présent à une évaluation sans consentement de la personne en vigueur.
    case consentement = "CONSENTEMENT"
    /// Copie du bailleur sans consentement de la personne en vigueur.
    case consentementAbsent = "CONSENTEMENT_ABSENT"
    /// Durée de conservation non définie pour ce document.
    case conservationNonDefinie = "CONSERVATION_NON_DEFINIE"
    /// Le dossier relève d'une autre convention que celle donnée.
    case conventionDifferente = "CONVENTION_DIFFERENTE"
    /// La convention du dossier est elle-même en erreur.
    case conventionRefusee = "CONVENTION_REFUSEE"
    /// Document de convention demandé avec un dossier.
    case conventionRequise = "CONVENTION_REQUISE"
    /// Les quatre critères d'entrée ne sont pas tous remplis.
    case criteres = "CRITERES"
    /// Dates du bail principal et de la sous-location incohérentes.
    case datesBaux = "DATES_BAUX"
    /// Date d'évaluation incohérente avec le dossier.
    case datesEvaluation = "DATES_EVALUATION"
    /// Dates des étapes du parcours dans le désordre.
    case datesParcours = "DATES_PARCOURS"
    /// Date postérieure à aujourd'hui.
    case dateFuture = "DATE_FUTURE"
    /// Date inexistante ou hors du format AAAA-MM-JJ.
    case dateInvalide = "DATE_INVALIDE"
    /// Retrait de consentement daté avant le consentement.
    case dateRetrait = "DATE_RETRAIT"
    /// Dépôt de garantie supérieur au maximum légal.
    case depotGarantie = "DEPOT_GARANTIE"
    /// Destinataire qui ne peut pas recevoir ce document.
    case destinataireRefuse = "DESTINATAIRE_REFUSE"
    /// Document de convention archivé sur un dossier.
    case documentDeConvention = "DOCUMENT_DE_CONVENTION"
    /// Document de dossier archivé sur une convention.
    case documentDeDossier = "DOCUMENT_DE_DOSSIER"
    /// Document qui ne s'archive pas (formulaire vierge).
    case documentNonArchivable = "DOCUMENT_NON_ARCHIVABLE"
    /// Données refusées.
    case donneesRefusees = "DONNEES_REFUSEES"
    /// Restauration dans un répertoire qui n'est pas vide.
    case dossierNonVide = "DOSSIER_NON_VIDE"
    /// Document de dossier demandé avec une convention.
    case dossierRequis = "DOSSIER_REQUIS"
    /// Durées minimale et maximale de sous-location incohérentes.
    case dureesSousLocation = "DUREES_SOUS_LOCATION"
    /// Durée de sous-location au-delà du maximum de la convention.
    case dureeMaximale = "DUREE_MAXIMALE"
    /// Durée de sous-location sous le minimum de la convention.
    case dureeMinimale = "DUREE_MINIMALE"
    /// Fichier dans un autre encodage que UTF-8.
    case encodage = "ENCODAGE"
    /// Gabarit : en-tête invalide.
    case enteteGabarit = "ENTETE_GABARIT"
    /// Étape du parcours sans la pièce qui l'atteste.
    case etapeSansPreuve = "ETAPE_SANS_PREUVE"
    /// Évaluations dans le désordre.
    case evaluationsOrdre = "EVALUATIONS_ORDRE"
    /// Document signé d'une autre évaluation que celle indiquée.
    case evaluationDifferente = "EVALUATION_DIFFERENTE"
    /// Évaluations plus espacées que la périodicité de la convention.
    case evaluationEspacee = "EVALUATION_ESPACEE"
    /// Aucune évaluation à cette date.
    case evaluationIntrouvable = "EVALUATION_INTROUVABLE"
    /// Document final demandé pour une évaluation semestrielle.
    case evaluationNonFinale = "EVALUATION_NON_FINALE"
    /// Document demandé d'une évaluation retirée (`retrait`).
    case evaluationRetiree = "EVALUATION_RETIREE"
    /// Courrier au préfet daté avant l'évaluation finale dont il rend compte.
    case dateCourrier = "DATE_COURRIER"
    /// Fichier archivé absent ou illisible.
    case fichierManquant = "FICHIER_MANQUANT"
    /// Fichier modifié pendant l'opération, ou contenu archivé altéré.
    case fichierModifie = "FICHIER_MODIFIE"
    /// Fichier qui n'est pas du format annoncé.
    case fichierNonConforme = "FICHIER_NON_CONFORME"
    /// Fichier de la base absent du dépôt.
    case fichierNonReference = "FICHIER_NON_REFERENCE"
    /// Fichier du dépôt inconnu de la base.
    case fichierOrphelin = "FICHIER_ORPHELIN"
    /// Fichier vide.
    case fichierVide = "FICHIER_VIDE"
    /// Gabarit : mauvais nombre d'arguments d'un filtre.
    case filtreArguments = "FILTRE_ARGUMENTS"
    /// Gabarit : filtre inconnu.
    case filtreInconnu = "FILTRE_INCONNU"
    /// Gabarit : filtre appliqué à une valeur du mauvais type.
    case filtreType = "FILTRE_TYPE"
    /// Gabarit : valeur qu'un filtre ne sait pas traiter.
    case filtreValeur = "FILTRE_VALEUR"
    /// Document « facile à lire » qui enfreint une règle de lisibilité (phrase trop longue, sigle, référence juridique…).
    case facileALire = "FACILE_A_LIRE"
    /// Financeur indiqué deux fois (« financeur » et « financeurs »).
    case financeur = "FINANCEUR"
    /// Gabarit : bloc {% si %} ou {% pour %} non fermé.
    case finManquante = "FIN_MANQUANTE"
    /// Format de fichier que l'archive ne prend pas.
    case formatNonArchivable = "FORMAT_NON_ARCHIVABLE"
    /// Formulaire vierge inconnu.
    case formulaireInconnu = "FORMULAIRE_INCONNU"
    /// Gabarit : fragment inclus introuvable.
    case fragmentIntrouvable = "FRAGMENT_INTROUVABLE"
    /// Garantie financière de la convention qui prend fin avant de commencer.
    case garantiePeriode = "GARANTIE_PERIODE"
    /// Convention sans garantie financière enregistrée (risque locatif porté par la seule association).
    case garantiesManquantes = "GARANTIES_MANQUANTES"
    /// Document généré pour un autre destinataire.
    case genereAutreDestinataire = "GENERE_AUTRE_DESTINATAIRE"
    /// Document généré d'un autre type.
    case genereAutreDocument = "GENERE_AUTRE_DOCUMENT"
    /// Document généré d'un autre dossier.
    case genereAutreDossier = "GENERE_AUTRE_DOSSIER"
    /// Glissement présenté comme automatique.
    case glissementAutomatique = "GLISSEMENT_AUTOMATIQUE"
    /// Aucune version de clause ou de gabarit en vigueur à la date de l'acte.
    case horsVigueur = "HORS_VIGUEUR"
    /// Historique daté incohérent (sans « depuis », ou dans le désordre).
    case historique = "HISTORIQUE"
    /// Identifiant mal formé (minuscules, chiffres et tirets).
    case identifiant = "IDENTIFIANT"
    /// Identifiant de compte mal formé.
    case identifiantInvalide = "IDENTIFIANT_INVALIDE"
    /// Deux éléments d'une liste portent le même identifiant.
    case idDuplique = "ID_DUPLIQUE"
    /// Convention sans intitulé public neutre, ou dont l'intitulé public nomme l'établissement de santé.
    case intitulePublic = "INTITULE_PUBLIC"
    /// Imbrication trop profonde ou structure absurde (alias en cascade…).
    case imbrication = "IMBRICATION"
    /// Gabarit : fragments qui s'incluent l'un l'autre.
    case inclusionCyclique = "INCLUSION_CYCLIQUE"
    /// Logement meublé sans inventaire.
    case inventaire = "INVENTAIRE"
    /// Issue du parcours incohérente avec son étape.
    case issueEtape = "ISSUE_ETAPE"
    /// Journal d'audit incomplet.
    case journalAuditIncomplet = "JOURNAL_AUDIT_INCOMPLET"
    /// Ligne de la base sans son fichier.
    case ligneSansFichier = "LIGNE_SANS_FICHIER"
    /// Loyer hors charges au-dessus du loyer plafond APL.
    case loyerPlafond = "LOYER_PLAFOND"
    /// Manifeste sans une information nécessaire.
    case manifesteIncomplet = "MANIFESTE_INCOMPLET"
    /// Fichier qui n'est pas un manifeste Trame lisible.
    case manifesteInvalide = "MANIFESTE_INVALIDE"
    /// Document définitif sans une mention que la loi exige (mentions obligatoires du gabarit).
    case mentionObligatoireAbsente = "MENTION_OBLIGATOIRE_ABSENTE"
    /// Montant non numérique ou avec plus de deux décimales.
    case montantInvalide = "MONTANT_INVALIDE"
    /// Montant négatif.
    case montantNegatif = "MONTANT_NEGATIF"
    /// Évaluation finale sans motifs.
    case motifsManquants = "MOTIFS_MANQUANTS"
    /// Motifs d'une évaluation (transmis au bailleur et au préfet) qui parlent de santé ou de soins.
    case motifsSante = "MOTIFS_SANTE"
    /// Mot de passe trop court.
    case motDePasseCourt = "MOT_DE_PASSE_COURT"
    /// Les deux saisies du mot de passe diffèrent.
    case motDePasseDifferent = "MOT_DE_PASSE_DIFFERENT"
    /// Aucun mot de passe saisi.
    case motDePasseManquant = "MOT_DE_PASSE_MANQUANT"
    /// Partie absente de la convention.
    case partieInconnue = "PARTIE_INCONNUE"
    /// Gabarit : boucle sur une valeur qui n'est pas une liste.
    case pasUneListe = "PAS_UNE_LISTE"
    /// Document définitif impossible : un projet (--draft) peut être produit.
    case projetPossible = "PROJET_POSSIBLE"
    /// Mesure de protection sans protecteur désigné.
    case protecteurManquant = "PROTECTEUR_MANQUANT"
    /// Évaluation finale sans recommandation.
    case recommandationManquante = "RECOMMANDATION_MANQUANTE"
    /// Renouvellement enregistré pour une sous-location non renouvelable.
    case renouvellement = "RENOUVELLEMENT"
    /// Renouvellement daté avant la sous-location ou dans le désordre.
    case renouvellementDate = "RENOUVELLEMENT_DATE"
    /// Aucun renouvellement à cette date.
    case renouvellementIntrouvable = "RENOUVELLEMENT_INTROUVABLE"
    /// Gabarit : renvoi vers un article retiré par une condition.
    case renvoiAbsent = "RENVOI_ABSENT"
    /// Gabarit : renvoi vers une étiquette inconnue.
    case renvoiInconnu = "RENVOI_INCONNU"
    /// Rien à exporter pour ce destinataire.
    case rienAExporter = "RIEN_A_EXPORTER"
    /// Rôle inconnu.
    case roleInconnu = "ROLE_INCONNU"
    /// La convention n'a pas de partie dans un rôle indispensable.
    case roleManquant = "ROLE_MANQUANT"
    /// Convention tripartite demandée pour un dossier qui n'en prévoit pas.
    case sansConventionTripartite = "SANS_CONVENTION_TRIPARTITE"
    /// Sauvegarde illisible ou incomplète.
    case sauvegardeInvalide = "SAUVEGARDE_INVALIDE"
    /// Donnée que le contrat de sous-location doit mentionner, absente (il ne pourra être définitif).
    case sousLocationIncomplete = "SOUS_LOCATION_INCOMPLETE"
    /// Style (docs/style.md) : couleur mal écrite (« #1f3a68 » attendu).
    case couleurInvalide = "COULEUR_INVALIDE"
    /// Style : image d'en-tête introuvable, illisible, ou ni PNG, ni JPEG, ni SVG.
    case imageEnTete = "IMAGE_EN_TETE"
    /// Style : longueur mal écrite ou sans unité (« 2,5 cm », « 25 mm », « 12 pt »).
    case longueurInvalide = "LONGUEUR_INVALIDE"
    /// Style : police absente de cette machine ; le remplacement utilisé est nommé (avertissement).
    case policeAbsente = "POLICE_ABSENTE"
    /// Style : polices installées impossibles à vérifier (fontconfig absent) (avertissement).
    case policesNonVerifiees = "POLICES_NON_VERIFIEES"
    /// Document de référence illisible : ni un DOCX ni un ODT valable.
    case referenceIllisible = "REFERENCE_ILLISIBLE"
    /// Fichier de style nommé par la convention (`style:`) introuvable.
    case styleIntrouvable = "STYLE_INTROUVABLE"
    /// Fichier YAML ou JSON mal formé (position de l'erreur donnée).
    case syntaxe = "SYNTAXE"
    /// Gabarit mal écrit (construction inconnue ou incomplète).
    case syntaxeGabarit = "SYNTAXE_GABARIT"
    /// Fichier ou valeur au-delà de la taille admise.
    case tropVolumineux = "TROP_VOLUMINEUX"
    /// Ménage relevant de la convention tripartite (CCH L442-8-3) sans convention tripartite.
    case tripartiteManquante = "TRIPARTITE_MANQUANTE"
    /// Valeur du mauvais type (texte, nombre, date, liste…).
    case typeValeur = "TYPE"
    /// Gabarit : comparaison de valeurs de types différents.
    case typeComparaison = "TYPE_COMPARAISON"
    /// Type d'évaluation incohérent.
    case typeEvaluation = "TYPE_EVALUATION"
    /// Fichier qui n'est ni une convention ni un dossier, ou pas du type attendu.
    case typeFichier = "TYPE_FICHIER"
    /// Nombre hors des bornes admises.
    case valeurHorsLimites = "VALEUR_HORS_LIMITES"
    /// Valeur hors de sa liste de valeurs possibles.
    case valeurInconnue = "VALEUR_INCONNUE"
    /// Valeur absente ou vide : champ obligatoire, ou valeur qu'un document définitif exige.
    case valeurManquante = "VALEUR_MANQUANTE"
    /// Gabarit : variable absente du modèle de données.
    case variableInconnue = "VARIABLE_INCONNUE"
    /// Versions d'une clause incohérentes.
    case versionClause = "VERSION_CLAUSE"
    /// Formulaire enregistré sur une version déjà remplacée.
    case versionDepassee = "VERSION_DEPASSEE"
    /// Version remplacée introuvable.
    case versionDisparue = "VERSION_DISPARUE"
    /// Version de gabarit ou de clause introuvable pour régénérer un document.
    case versionGabarit = "VERSION_GABARIT"
    /// Numéros de version non contigus.
    case versionManquante = "VERSION_MANQUANTE"

    /// Logo d'une partie introuvable à côté de la convention.
    case logoIntrouvable = "LOGO_INTROUVABLE"
    /// Logo d'une partie inutilisable (pas une image PNG, JPEG ou SVG, SVG sans rendu PNG, chemin hors du dossier de la convention).
    case logoInvalide = "LOGO_INVALIDE"

    // MARK: notFound
    /// Compte inconnu.
    case compteInconnu = "COMPTE_INCONNU"
    /// Convention absente de l'espace de travail.
    case conventionInconnue = "CONVENTION_INCONNUE"
    /// Dossier ou convention absent de l'espace de travail.
    case dossierInconnu = "DOSSIER_INCONNU"
    /// Document généré inconnu de l'archive.
    case genereInconnu = "GENERE_INCONNU"
    /// Référence de fichier archivé inconnue.
    case referenceInconnue = "REFERENCE_INCONNUE"
    /// Version inexistante.
    case versionInconnue = "VERSION_INCONNUE"
    /// Version de dossier inexistante.
    case versionSourceInconnue = "VERSION_SOURCE_INCONNUE"

    // MARK: conflict
    /// Fichier déjà archivé.
    case dejaArchive = "DEJA_ARCHIVE"
    /// Fichier de destination déjà présent : rien n'est remplacé.
    case fichierExistant = "FICHIER_EXISTANT"
    /// Identifiant déjà utilisé.
    case identifiantPris = "IDENTIFIANT_PRIS"

    // MARK: refused
    /// Le rôle ne permet pas cette action.
    case accesRefuse = "ACCES_REFUSE"
    /// Identifiant ou mot de passe incorrect.
    case identifiantsIncorrects = "IDENTIFIANTS_INCORRECTS"
    /// Trop de tentatives de connexion.
    case tropDeTentatives = "TROP_DE_TENTATIVES"

    // MARK: missingInput
    /// Convention du dossier introuvable.
    case conventionIntrouvable = "CONVENTION_INTROUVABLE"
    /// Répertoire introuvable.
    case dossierIntrouvable = "DOSSIER_INTROUVABLE"
    /// Espace de travail introuvable.
    case espaceIntrouvable = "ESPACE_INTROUVABLE"
    /// Fichier illisible (droits, dossier au lieu d'un fichier…).
    case fichierIllisible = "FICHIER_ILLISIBLE"
    /// Fichier introuvable.
    case fichierIntrouvable = "FICHIER_INTROUVABLE"
    /// Gabarits et conventions fournis avec Trame introuvables.
    case ressourcesIntrouvables = "RESSOURCES_INTROUVABLES"

    // MARK: unavailable
    /// LibreOffice absent : pas de PDF.
    case libreofficeAbsent = "LIBREOFFICE_ABSENT"
    /// Outil externe absent.
    case outilAbsent = "OUTIL_ABSENT"

    // MARK: cannotWrite
    /// Fichier de sortie impossible à écrire.
    case ecritureImpossible = "ECRITURE_IMPOSSIBLE"
    /// Paquet ODT ou DOCX impossible à construire.
    case ecriturePaquet = "ECRITURE_PAQUET"
    /// LibreOffice n'a pas produit le PDF.
    case pdfImpossible = "PDF_IMPOSSIBLE"

    // MARK: io
    /// Base des comptes illisible ou impossible à écrire.
    case baseComptes = "BASE_COMPTES"
    /// L'espace de travail n'a pas pu être écrit (disque plein, droits…).
    case ecriture = "ECRITURE"

    /// The code as printed, e.g. `CLE_INCONNUE`.
    public var description: String { rawValue }

    /// What kind of problem the code reports.
    public var category: DiagnosticCategory {
        switch self {
        case .argumentEnTrop, .argumentManquant, .commandeInconnue, .conventionManquante, .dateEvaluationManquante,
             .destinataire, .destinataireInconnu, .documentInconnu, .dureeConservation, .genereInvalide,
             .motifManquant, .optionEvaluation, .optionInconnue, .optionInvalide, .optionRecommandation,
             .recommandation, .recommandationInconnue, .referenceAmbigue, .signataireManquant:
            return .usage
        case .audience, .avisPrefet, .bailleurInconnu, .bailleurInutile, .bailleurManquant, .baseCorrompue, .champManquant,
             .clauseDisparue, .clauseInconnue, .clauseInvalide, .clauseModifiee, .cleDupliquee, .cleInconnue,
             .cleInvalide, .consentement, .consentementAbsent, .conservationNonDefinie, .conventionDifferente,
             .conventionRefusee, .conventionRequise, .criteres, .datesBaux, .datesEvaluation, .datesParcours,
             .dateCourrier, .dateFuture, .dateInvalide, .dateRetrait, .depotGarantie, .destinataireRefuse, .documentDeConvention,
             .documentDeDossier, .documentNonArchivable, .donneesRefusees, .dossierNonVide, .dossierRequis,
             .dureesSousLocation, .dureeMaximale, .dureeMinimale, .encodage, .enteteGabarit, .etapeSansPreuve,
             .evaluationsOrdre, .evaluationDifferente, .evaluationEspacee, .evaluationIntrouvable,
             .evaluationNonFinale, .evaluationRetiree, .fichierManquant, .fichierModifie, .fichierNonConforme, .fichierNonReference,
             .fichierOrphelin, .fichierVide, .filtreArguments, .filtreInconnu, .filtreType, .filtreValeur,
             .facileALire, .financeur, .finManquante, .formatNonArchivable, .formulaireInconnu, .fragmentIntrouvable,
             .garantiePeriode, .garantiesManquantes, .genereAutreDestinataire, .genereAutreDocument, .genereAutreDossier, .glissementAutomatique, .historique, .horsVigueur,
             .identifiant, .identifiantInvalide, .idDuplique, .intitulePublic, .imbrication, .inclusionCyclique, .inventaire,
             .issueEtape, .journalAuditIncomplet, .logoIntrouvable, .logoInvalide, .ligneSansFichier, .loyerPlafond, .manifesteIncomplet,
             .manifesteInvalide, .mentionObligatoireAbsente, .montantInvalide, .montantNegatif, .motifsManquants, .motifsSante, .motDePasseCourt,
             .motDePasseDifferent, .motDePasseManquant, .partieInconnue, .pasUneListe, .projetPossible,
             .protecteurManquant, .recommandationManquante, .renouvellement, .renouvellementDate,
             .renouvellementIntrouvable, .renvoiAbsent, .renvoiInconnu, .rienAExporter, .roleInconnu, .roleManquant,
             .sansConventionTripartite, .sauvegardeInvalide, .sousLocationIncomplete, .syntaxe,
             .couleurInvalide, .imageEnTete, .longueurInvalide, .policeAbsente, .policesNonVerifiees, .referenceIllisible, .styleIntrouvable, .syntaxeGabarit, .tropVolumineux, .tripartiteManquante, .typeValeur,
             .typeComparaison, .typeEvaluation, .typeFichier, .valeurHorsLimites, .valeurInconnue, .valeurManquante,
             .variableInconnue, .versionClause, .versionDepassee, .versionDisparue, .versionGabarit,
             .versionManquante:
            return .data
        case .compteInconnu, .conventionInconnue, .dossierInconnu, .genereInconnu, .referenceInconnue,
             .versionInconnue, .versionSourceInconnue:
            return .notFound
        case .dejaArchive, .fichierExistant, .identifiantPris:
            return .conflict
        case .accesRefuse, .identifiantsIncorrects, .tropDeTentatives:
            return .refused
        case .conventionIntrouvable, .dossierIntrouvable, .espaceIntrouvable, .fichierIllisible, .fichierIntrouvable,
             .ressourcesIntrouvables:
            return .missingInput
        case .libreofficeAbsent, .outilAbsent:
            return .unavailable
        case .ecritureImpossible, .ecriturePaquet, .pdfImpossible:
            return .cannotWrite
        case .baseComptes, .ecriture:
            return .io
        }
    }
}
