using Waterwheel.Platform.Api;

namespace Waterwheel.Console.Shared;

/// <summary>Shows a use case's <see cref="Error"/> in a form: each bad field under its input, the rest on top.</summary>
public sealed class FormErrors
{
    private IReadOnlyDictionary<string, string[]> _fields = new Dictionary<string, string[]>();

    public string? General { get; private set; }

    public void Show(Error error)
    {
        _fields = error.Fields ?? new Dictionary<string, string[]>();
        General = error.Fields is null ? error.Message : null;
    }

    public void Clear()
    {
        _fields = new Dictionary<string, string[]>();
        General = null;
    }

    public bool Has(string field) => _fields.ContainsKey(field);

    public string? For(string field) => _fields.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
