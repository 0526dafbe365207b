"""The corpus pipeline: seed files in, clean structured Markdown pages out.

Each stage is a small module with plain data in and out; ``hooks/mkdocs_hooks.py``
only wires the stages to MkDocs events.

    seedfile   read and decode a seed (clear errors for bad bytes)
    catalog    load and validate seeds/catalog.yaml
    clean      small named cleaning steps, with a record of what each removed
    structure  headings, sections and paragraphs with stable ids
    variants   where the copies of one document differ
    render     Markdown pages from the structured documents
    registry   the committed list of published ids and URLs
    build      run all stages and write the generated pages
"""
