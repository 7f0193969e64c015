/// The fixed part of the page's stylesheet. It contains no `<` or `&`, so the page stays
/// well-formed XML.
extension HTMLWriter {
    static let baseCSS = """
    body { margin: 0; background: #eee; color: #000;
      font-family: "Liberation Serif", "Times New Roman", serif; font-size: 11pt; line-height: 1.3; }
    main { box-sizing: border-box; max-width: 21cm; margin: 1cm auto; padding: 2cm; background: #fff;
      box-shadow: 0 0 0.3cm rgba(0, 0, 0, 0.2); }
    p, li, td, th, h1, h2, h3, h4 { white-space: pre-wrap; overflow-wrap: break-word; }
    p { margin: 0 0 0.2cm; text-align: justify; }
    p.left { text-align: left; } p.center { text-align: center; } p.right { text-align: right; }
    p.note { margin-left: 1cm; font-size: 9pt; }
    h1, h2, h3, h4, .subtitle { font-family: "Liberation Sans", Arial, sans-serif; break-after: avoid; }
    h1.title { text-align: center; font-size: 16pt; margin: 0 0 0.3cm; }
    .subtitle { text-align: center; font-size: 12pt; margin: 0 0 0.5cm; }
    h2 { font-size: 13pt; margin: 0.6cm 0 0.3cm; }
    h3 { font-size: 12pt; margin: 0.5cm 0 0.2cm; }
    h4.article { font-size: 11pt; margin: 0.4cm 0 0.2cm; }
    ol, ul { margin: 0 0 0.2cm; padding-left: 0.635cm; }
    li { text-align: justify; margin-bottom: 0.1cm; }
    ul.d0 { list-style-type: disc; } ul.d1 { list-style-type: "– "; } ul.d2 { list-style-type: circle; }
    table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0.2cm 0; }
    table.grid th, table.grid td { border: 0.5pt solid #000; padding: 0.1cm; vertical-align: top;
      text-align: left; font-size: 10pt; }
    table.grid th { background: #e6e6e6; text-align: center; }
    table.grid p { margin: 0; text-align: left; }
    table.grid th p { text-align: center; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    .page-break { break-before: page; }
    p.closing { margin-top: 0.5cm; break-after: avoid; }
    table.signatures { break-inside: avoid; }
    table.signatures td { vertical-align: top; padding: 0.1cm; }
    table.signatures p { text-align: left; margin: 0 0 0.1cm; }
    p.signature-name { margin-top: 3cm; font-weight: bold; }
    mark.placeholder { background: #ff0; color: inherit; }
    .running-header { max-width: 21cm; margin: 1cm auto 0; font-family: "Liberation Sans", Arial, sans-serif;
      font-size: 9pt; color: #444; }
    .running-header p { margin: 0; text-align: left; }
    .draft-mark { display: none; }
    body.draft .draft-mark { display: block; position: fixed; top: 0.3cm; right: 0.5cm; color: #c00;
      font: bold 14pt "Liberation Sans", Arial, sans-serif; }
    @media print {
      body { background: none; }
      main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
      .running-header { display: none; }
      body.draft .draft-mark { top: 45%; left: 0; right: 0; text-align: center; font-size: 96pt;
        color: rgba(204, 0, 0, 0.15); transform: rotate(-30deg); pointer-events: none; }
    }

    """
}
