using MudBlazor;

namespace Peyvand.Web.Components.Layout;

internal static class PeyvandTheme
{
    // Vazirmatn (bundled under wwwroot/fonts) covers Persian and Latin, so both languages share one typeface.
    private static readonly string[] Fonts = ["Vazirmatn", "Tahoma", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#00695c",
            AppbarBackground = "#00695c",
            Secondary = "#6a1b9a",
            // Darker than MudBlazor's defaults so white text on filled chips and buttons meets WCAG AA (4.5:1).
            Success = "#2e7d32",
            Warning = "#8a4b00",
            Info = "#01579b",
            Error = "#c62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H1 = new H1Typography { FontFamily = Fonts },
            H2 = new H2Typography { FontFamily = Fonts },
            H3 = new H3Typography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts },
            H5 = new H5Typography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts },
            Body1 = new Body1Typography { FontFamily = Fonts },
            Body2 = new Body2Typography { FontFamily = Fonts },
            Button = new ButtonTypography { FontFamily = Fonts },
            Caption = new CaptionTypography { FontFamily = Fonts },
            Overline = new OverlineTypography { FontFamily = Fonts },
        },
    };
}
