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
        // Light colours on near-black, with dark text on filled colours: every pair is at least 4.5:1 (WCAG AA).
        PaletteDark = new PaletteDark
        {
            Primary = "#4db6ac",
            PrimaryContrastText = "#000000",
            AppbarBackground = "#00332c",
            AppbarText = "#ffffff",
            Secondary = "#ce93d8",
            SecondaryContrastText = "#000000",
            Success = "#81c784",
            SuccessContrastText = "#000000",
            Warning = "#ffb74d",
            WarningContrastText = "#000000",
            Info = "#81d4fa",
            InfoContrastText = "#000000",
            Error = "#ef9a9a",
            ErrorContrastText = "#000000",
            Background = "#121212",
            Surface = "#1e1e1e",
            DrawerBackground = "#1a1a1a",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.74)",
            ActionDefault = "rgba(255,255,255,0.80)",
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
