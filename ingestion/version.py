"""The extractor's version, in a module of its own: deciding that a warehouse is current (`warehouse.state`)
needs it, and must not import the extraction rules (~0.4 s) when there is nothing to extract.

Bump when extraction rules change: the warehouse re-extracts files whose facts came from another version.
0.2.0: investment aggregates; 0.3.0: layouts beyond the samples; 0.4.0: typed document model, header
interpreter, layouts beyond the samples, parts and quality stored with the facts; 0.5.0: the layouts of genre
batches u and v (field-labelled rows, transposed tables, year rows over headers, scan-like PDFs, phone copies);
0.6.0: the layouts of genre batch w (typed tables mixing TAB and full-width separators, tables on their side with a
年度 or blank corner and 单位/属性 rows, binding rows named by number in a note, nested project bullets and Word
lists, a plan's counted stages with their named examples, parallel figures sharing an owner, trend words no review
fact); 0.7.0: rounds 5 and 6 (box grids ruled under every row, stage-column project matrices, pipe and CSV
rows, tables in Word frames and HTML <div> grids, <dl> and <pre>, two-column PDF pages, numbered clause-line and
card indicator tables, verdicts in 备注 and in review sentences, page breaks inside space-aligned rows, task-section
targets beside an indicator table).
"""
EXTRACTOR_VERSION = "0.7.0"
