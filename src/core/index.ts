// The public face of the core: everything the extension (src/extension) and the command line (src/cli)
// may use, and nothing else. They import from here only (an ESLint rule enforces it), so a file can move
// inside the core without breaking a caller. The core itself never imports vscode. See docs/architecture.md.

// Recognition: the report model, analysis (incremental and on worker threads), detection and limits.
export { analyseReport, ReportAnalyser } from './recognition/analyse';
export { analysisSizeVerdict, DEFAULT_MAX_ANALYSED_MB } from './recognition/analysisLimit';
export { type Grade, GRADES, type Range, REPORT_KINDS, type ReportKind, type ReportModel } from './recognition/model';
export { detectionSample, isReportDocument, REPORT_LANGUAGE } from './recognition/reportDetection';
export { AnalysisPool } from './recognition/workers/analysisPool';

// Navigation: Outline symbols, folding, symbol search, next/previous judgement or improvement.
export { foldingRegions } from './navigation/folding';
export { buildOutline, OutlineBuilder, type OutlineSymbol, type OutlineSymbolKind } from './navigation/outline';
export { outlineJson, outlineText } from './navigation/outlineFormat';
export { navigate, type NavigationDirection, type NavigationTarget } from './navigation/reportNavigation';
export { findParagraph, type ParagraphLookup } from './navigation/paragraphLookup';
export { findSymbols } from './navigation/symbolQuery';

// Presentation: what the editor draws and says (decoration plans, hover texts, the status summary).
export { DECORATION_STYLES, type DecorationStyle, planDecorations } from './presentation/decorationPlan';
export { gradeAt, gradeHoverMarkdown } from './presentation/gradeHover';
export { listItemAt, listItemHoverMarkdown } from './presentation/listItemHover';
export { summariseReport } from './presentation/reportSummary';
export { planTagDecorations, type ThemeDecoration, withAlpha } from './presentation/tagDecorationPlan';
export { EDIT_TAG_COMMAND, REMOVE_TAG_COMMAND, TAG_HOVER_COMMANDS, type TagCommandArgs, tagHoverMarkdown, tagsAt } from './presentation/tagHoverText';

// Vocabulary: the words users see for kinds of list item and whose list it is.
export { LIST_ITEM_WORDS, OWNER_WORDS } from './vocabulary/labels';

// Anchoring: tags placed on words, and found again after edits or outside changes.
export { createAnchor, textHash } from './tags/anchoring/anchorCreation';
export { anchorWithRepeats } from './tags/anchoring/anchorRepeats';
export { needsReanchoring, type ReanchorTagResult, reanchorTags, tagsHoldTheirWords } from './tags/anchoring/reanchoring';
export { tagContext } from './tags/anchoring/tagContext';

// The sidecar file beside each report: model, parser, safe store.
export { type Sidecar, SIDECAR_SUFFIX, type Tag, type TagContext, type TagTheme } from './tags/sidecar/sidecarModel';
export { parseSidecar, type SidecarError } from './tags/sidecar/sidecarParser';
export { type LoadResult, sidecarPathFor, SidecarStore, SidecarStoreError } from './tags/sidecar/sidecarStore';

// The codebook: themes, colours, the workspace file, theme operations.
export { FALLBACK_COLOURS, normaliseColour } from './tags/codebook/codebookColours';
export { CODEBOOK_FILE_NAME } from './tags/codebook/codebookFile';
export { type Codebook, type Theme } from './tags/codebook/codebookModel';
export { resolveCodebook } from './tags/codebook/codebookResolve';
export { defaultCodebook } from './tags/codebook/defaultCodebook';
export { addTheme, mergeThemeInSidecar, mergeThemes, recolourTheme, renameTheme, renameThemeInSidecar, type ThemeOperationResult } from './tags/codebook/themeOperations';

// Suggestions from the codebook's cue phrases.
export { suggest, type Suggestion } from './tags/suggestions/suggestions';

// Tagging: operations on a report's tags, the editing session, pickers, targets, the Tags view tree.
export { type LoadOutcome, ReportTagSession, type SessionStatus, TaggingPausedError } from './tags/reportTagSession';
export { reanchorSummaryMessage } from './tags/tagMessages';
export { addTag, dismissSuggestion, TagOperationError } from './tags/tagOperations';
export { themePickEntries, themesForIds } from './tags/tagPicker';
export { tagTargetAt, type TagTargetKind, tagTargetsAt } from './tags/tagTargets';
export { buildTagsTree, childrenOf, type IndexedSidecar, nodeId, passageDescription, shortenQuote, type TagsTreeNode, type TagsTreeRoot } from './tags/tagsTree';

// Evidence across reports: collection, filters, citations, the Evidence view model.
export { formatQuoteWithCitation } from './evidence/citation';
export { type AnalyseFunction, collectEvidence } from './evidence/collectEvidence';
export { isReportName, isSidecarName, isWalkedBelow } from './evidence/evidenceFiles';
export { type StreamedEvidence, type StreamedReport, streamEvidence } from './evidence/streamEvidence';
export { EvidenceIndex } from './evidence/evidenceIndex';
export { filterEvidence, itemMatches, narrowEvidence, narrows, reportMatches } from './evidence/evidenceFilter';
export { type EvidenceFilter, type EvidenceItem, type EvidenceProblem, type EvidenceSet } from './evidence/evidenceModel';
export { buildEvidenceViewModel, clipboardText, orderedViewItems, reportColumnsPage, VIEW_PAGE_SIZE, viewItemsPage } from './evidence/evidenceViewModel';
export { reportColumns, reportHeatScale, taggedReports } from './evidence/reportHeat';
export { sanitiseFilter } from './evidence/filterMessage';
export { ReportModelCache } from './evidence/modelCache';
export { AnalysisCache, DEFAULT_ANALYSIS_CACHE_BYTES } from './evidence/analysisCache';
export { CancellationSource, type CancellationToken } from './evidence/cancellation';
export { findPassage } from './evidence/passageLocation';
export { citationFieldsFor, tagAtOffset } from './evidence/tagCitation';

// Drafts: citations of tagged passages in a Markdown draft (docs/citations.md), parsed and checked against the reports.
export { checkCitations, checkDraft } from './drafts/citationChecker';
export { CITATION_STATUSES, type CitationCheck, type CitationStatus, type CitedPassage, type DraftCitation, type DraftRange, type QuoteDifference } from './drafts/citationModel';
export { citationTarget, parseCitations } from './drafts/citationParser';
export { citationForTag, citationInsertText, citationLabel, citationLinkTarget, type EvidenceEntry, evidenceEntries, type QuoteStyle } from './drafts/citationInsertion';
export { citationHoverMarkdown, type DraftEdit, removeCitationEdit, replaceQuoteEdit, repointEdit } from './drafts/citationFixes';
export { citedReportPath, type DraftSources, fileSystemSources, type SourceRead } from './drafts/draftSources';
export { matchingText, quoteMatches } from './drafts/quoteMatching';
export { draftFootnotes, type Footnote, type FootnoteQuote } from './drafts/draftFootnotes';
export { draftWithFootnotes, renderDraft, type RenderedDraft } from './drafts/draftRendering';
export { draftHtml } from './drafts/draftHtml';
export { type CitingDraft, citingDraft, citingDrafts, citingDraftsSummary, reportsCitedBy, sortCitingDrafts } from './drafts/citingDrafts';
export { type DraggedPassage, draggedPassagesFrom, PASSAGE_MIME } from './drafts/draggedPassages';
export { type CheckedCitingDraft, checkCitingDrafts, type CitedInGroup, citationStatusText, citedInGroup, type CitingDraftCitations } from './drafts/citedInOutline';
export { draftCoverage, type DraftCoverage, type ReportCoverage, type SectionCoverage, type TaggedReport, type ThemeCoverage, type UncitedPassage } from './drafts/draftCoverage';

// Exports: CSV, Markdown, JSON, REFI-QDA (.qdpx, .qdc) and codebook import.
export { codebookFileText } from './exports/codebookFile';
export { coderNotFoundMessage, type CoderLimit, limitEvidenceToCoder } from './exports/coderFilter';
export { exportCsv, quoteCell, safeCell } from './exports/csvExport';
export { type CsvSink, CsvStreamWriter } from './exports/csvStream';
export { exportJson } from './exports/jsonExport';
export { exportMarkdown } from './exports/markdownExport';
export { exportQdc } from './exports/qdcExport';
export { importQdc } from './exports/qdcImport';
export { exportQdpx } from './exports/qdpxExport';
export { readQdpxTexts } from './exports/qdpxTexts';

// PDF import: a PDF's text layer → report text (pages by form feeds, provenance line), files and folders, re-anchoring.
export { defaultTextPath, importPdfFile, type ImportPdfOutcome, type ImportPdfRequest, isInsideRoots, PDF_IMPORT_MB_DEFAULT } from './import/importPdfFile';
export { type FolderImportResult, type ImportFailure, importPdfFolder, pdfsInFolder } from './import/importPdfFolder';
export { PdfImportError, type PdfProblemKind } from './import/importProblems';
export { folderImportText, importOutcomeText } from './import/importSummary';
export { pdfToText, type PdfImportResult, sha256Hex } from './import/pdfToText';
export { IMPORTER_NAME, type ImportProvenance, readProvenance, withoutProvenance } from './import/provenance';

// Agreement between two coders (moderation): character, paragraph and segment units, disagreements.
export { AGREEMENT_UNITS, type AgreementReport, type AgreementResult, type AgreementUnit, DEFAULT_MIN_OVERLAP, type Kappa, type ThemeAgreement } from './agreement/agreementModel';
export { type AgreementReading, readAgreementReports } from './agreement/agreementReading';
export { codersOf } from './agreement/coders';
export { type AgreementOptions, computeAgreement } from './agreement/computeAgreement';
export { type Disagreement, findDisagreements } from './agreement/disagreements';
export { type MergeOutcome, mergeCoderTags, type MergeSummary } from './agreement/mergeCoderTags';
export { type KappaBand, kappaBand } from './agreement/kappaBand';
export { type CodeBlindState, tagsVisibleWhileCoding } from './agreement/codeBlind';
export { chooseCoderName, type CoderName, type CoderNameSource } from './agreement/coderName';
export { AGREED_CODER, isSettled, SETTLE_DECISIONS, type SettleDecision, SettleError, type SettleRequest, type Settlement, settleDisagreement, undoSettlement } from './agreement/settleDisagreement';

// Platform: the file-system interface and its Node implementation, text helpers.
export { type FileStat, type IFileSystem, isNotFound, MAX_TEXT_FILE_BYTES, notFoundError, readFileStamped, statThenRead, type StampedText } from './platform/fs/fileSystem';
export { createFileExclusive, isSymbolicLinkOnDisk, NodeFileSystem } from './platform/fs/nodeFileSystem';
export { readBackExclusive } from './platform/fs/readBackExclusive';
export { describeFileFault, type FileFault, type FileFaultKind, notRegularFileError, ReportReadError, shownPath, tooLargeError } from './platform/fs/fileFaults';
export { readRegularFile, readRegularFileStamped } from './platform/fs/regularFileRead';
export { readReport, readReportText, type ReportReadOutcome } from './platform/fs/reportReading';
export { decodeReportBytes, type DecodeOutcome } from './platform/text/reportDecoding';
export { LineIndex } from './platform/text/lineIndex';
export { escapeMarkdown } from './platform/text/markdownEscape';
