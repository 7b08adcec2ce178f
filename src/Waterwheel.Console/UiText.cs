namespace Waterwheel.Console;

/// <summary>Marker for the console's text resources (Resources/UiText.*.resx). Keys are the English text.</summary>
public sealed class UiText;
