namespace Waterwheel.Customers.Profiles.Export;

/// <summary>Sends a prepared export through the platform's one export writer (CSV batch by batch, or xlsx).</summary>
internal static class ProfileExportEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/profiles/export", async ([AsParameters] ProfileExportQuery query, ExportProfiles handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(query, ct);
            if (!result.IsSuccess) return (IResult)result.Error!.ToProblem();
            var export = result.Value!;
            return ExportFile.Send(export.Format, export.FileStem, ExportColumns.SheetName(), [.. ExportColumns.Header(), .. export.AttributeLabels],
                export.Rows, ct);
        })
        .RequireAuthorization(Permissions.ProfilesRead)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .WithName("ExportCustomerProfiles")
        .WithSummary("The customer list as CSV or xlsx (format), same filter as the list, masked unless unmasked=true with pii.reveal; at most 100,000 rows (audited)");
}
