namespace Parcours.Web.Pages.Pathways;

/// <summary>
/// A printable document of a pathway: a title, labelled fields, a text and signature boxes. Rendered as print-ready
/// HTML; the browser prints it or saves it as PDF. (A server-side PDF with PdfSharp 6.5 needs the project to choose
/// PdfSharp's AGPL or a commercial licence: a decision for the maintainers, see docs/workspace.md.)
/// </summary>
public sealed record PrintDocument(string Title, IReadOnlyList<(string Label, string Value)> Fields, string? Heading, string Text, IReadOnlyList<string> Signatures);
