using System.Text;
using RotationAnalytics.Api.Contracts;

namespace RotationAnalytics.Api.Briefs;

/// <summary>The brief as Markdown: title, one part per section with its cited text, the numbered references at the end.</summary>
public static class BriefMarkdown
{
    public static string Render(BriefResponse brief, BriefLanguage language)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(brief.Title).Append("\n\n");
        foreach (var section in brief.Sections)
        {
            text.Append("## ").Append(section.Heading).Append("\n\n").Append(section.Text).Append("\n\n");
        }

        text.Append("## ").Append(language.Heading("references")).Append("\n\n");
        foreach (var reference in brief.References)
        {
            text.Append(reference.N).Append(". ");
            if (reference.Kind == BriefReferenceResponse.QueryKind)
            {
                text.Append('[').Append(reference.Url).Append("](").Append(reference.Url).Append(')');
            }
            else
            {
                text.Append(language.Sentence(
                    "reference.source", ("provider", reference.Provider!), ("providerSymbol", reference.ProviderSymbol!), ("url", reference.Url),
                    ("retrievedAt", language.Timestamp(reference.RetrievedAt!.Value))));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
