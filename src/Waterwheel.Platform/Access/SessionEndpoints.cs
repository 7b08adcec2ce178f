using Microsoft.AspNetCore.Http.HttpResults;

namespace Waterwheel.Platform.Access;

public sealed record SignInRequest(string UserName, string Password, bool Remember = false);

/// <summary>Cookie sign-in and sign-out for scripts and the console; the console's form posts to the same use case.</summary>
internal static class SessionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/session", async Task<Results<NoContent, ProblemHttpResult>> (SignInRequest request, SignIn handler, CancellationToken ct) =>
            await handler.Handle(request.UserName ?? "", request.Password ?? "", request.Remember, ct) switch
            {
                SignInOutcome.Succeeded => TypedResults.NoContent(),
                SignInOutcome.LockedOut => new Error(ErrorKind.Forbidden, "account_locked",
                    "Too many failed attempts: this account is locked for 15 minutes.").ToProblem(),
                _ => new Error(ErrorKind.Forbidden, "sign_in_failed", "User name or password is wrong.").ToProblem(),
            })
            .AllowAnonymous()
            .WithTags("Session")
            .WithName("SignIn")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Sign in with user name and password (sets the session cookie)");

        app.MapDelete("/api/session", async (SignOut handler, CancellationToken ct) =>
            {
                await handler.Handle(ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithTags("Session")
            .WithName("SignOut")
            .WithSummary("Sign out");
    }
}
