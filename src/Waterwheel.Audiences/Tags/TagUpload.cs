using Microsoft.Extensions.Options;
using Waterwheel.Audiences.Members;
using Waterwheel.Customers.Contracts;
using Waterwheel.Platform.Audit;
using Waterwheel.Platform.Tenancy;

namespace Waterwheel.Audiences.Tags;

/// <summary>A line of an uploaded list that tagged no one, and why (the value itself is not echoed: it may be a mobile).</summary>
public sealed record ListProblem(int Line, string Reason);

/// <summary>How an uploaded list went: its values, how many named a customer the caller may reach, how many changed, and the lines that named no one.</summary>
public sealed record TagUploadResult(int Values, int Matched, int Changed, int NotFound, int Malformed, IReadOnlyList<ListProblem> Problems);

/// <summary>
/// Gives a tag to (or takes it from) the customers an uploaded list names: phones, WeCom ids, member numbers, e-commerce
/// buyer ids, one kind per list, in the first column of a CSV or .xlsx under a header. Customers outside the caller's
/// scope, or people head office may not reach, count as not found. Bounded by <see cref="AudienceOptions.MaxBulk"/>;
/// audited with the numbers only.
/// </summary>
internal sealed class TagUpload(AudiencesDbContext db, ICustomerFacts facts, PersonVisibility people, TagWriter writer,
    ActorContext actor, IAuditLog audit, IOptions<AudienceOptions> options)
{
    public const int MaxBytes = 20 * 1024 * 1024;
    private const int Batch = 1_000;
    private const int ProblemsShown = 200;

    /// <summary>The file is null when the request brought none (<paramref name="fileProblem"/> says why): the tag is looked for first, so another tenant's tag is not found whatever was sent.</summary>
    public async Task<Result<TagUploadResult>> Handle(Guid tagId, CustomerIdentifier? kind, bool remove, byte[]? file, string? fileProblem, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tagId, ct);
        if (tag is null) return Error.NotFound("Tag");
        if (kind is null) return Error.Invalid("kind", AudienceText.Get("ListKindMissing"));
        if (file is null) return Error.Invalid("file", fileProblem ?? AudienceText.Get("ListFileMissing"));
        var read = ListFile.Read(file, options.Value.MaxBulk);
        if (!read.IsSuccess) return read.Error!;
        var values = read.Value!;
        var problems = new List<ListProblem>();
        int matched = 0, changed = 0, notFound = 0, malformed = 0;
        foreach (var chunk in values.Chunk(Batch))
        {
            var answers = await facts.Resolve(kind.Value, chunk.Select(v => v.Value).ToList(), ct);
            var members = await people.FindMany(db, answers.Where(a => a.ProfileId is not null).Select(a => a.ProfileId!.Value).Distinct().ToList(), ct);
            var reached = new List<Member>();
            var seen = new HashSet<Guid>();
            for (var i = 0; i < chunk.Length; i++)
            {
                var answer = answers[i];
                var member = answer.ProfileId is { } profile ? members.GetValueOrDefault(profile) : null;
                if (member is not null && seen.Add(member.ProfileId))
                {
                    reached.Add(member);
                    matched++;
                    continue;
                }
                if (member is not null) continue;
                var malformedValue = answer.Outcome == IdentifierOutcome.Malformed;
                if (malformedValue) malformed++;
                else notFound++;
                if (problems.Count < ProblemsShown)
                    problems.Add(new ListProblem(chunk[i].Line, AudienceText.Get(malformedValue ? "ListValueMalformed" : "ListValueNotFound")));
            }
            changed += remove ? await writer.Take(tag.Id, reached, ct, by: actor.Name) : await writer.Give(tag, reached, TagCause.Manual, actor.Name, ct);
            db.ChangeTracker.Clear();
        }
        await audit.RecordNowAsync(AuditActions.CustomerTagged, "tag", tag.Id.ToString(),
            $"tag {tag.Name} {(remove ? "taken from" : "given to")} {changed} customers of an uploaded list of {values.Count} {kind} values ({matched} matched)", ct);
        return new TagUploadResult(values.Count, matched, changed, notFound, malformed, problems);
    }

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tags/{id:guid}/upload", async (Guid id, HttpRequest request, CustomerIdentifier? kind, bool? remove, TagUpload handler, CancellationToken ct) =>
            {
                var (file, tooLarge) = await UploadedFile.Read(request, MaxBytes, ct);
                return (await handler.Handle(id, kind, remove == true, file, tooLarge ? AudienceText.Format("ListTooBig", MaxBytes / 1024 / 1024) : null, ct)).ToOk();
            })
        .Accepts<IFormFile>("multipart/form-data")
        .RequireAuthorization(Permissions.AudiencesWrite)
        .ProducesValidationProblem()
        .WithName("TagUploadedList")
        .WithSummary("Gives a tag to the customers an uploaded list names (multipart part 'file': CSV or .xlsx, header then one value per row; ?kind=Phone|Email|WeComExternalUserId|UnionId|PosMemberNumber|TaobaoBuyerId|JdPin|DouyinOpenId|UserId; remove=true takes it) (audited)");
}
