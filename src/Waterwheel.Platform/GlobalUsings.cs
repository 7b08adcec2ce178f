// What nearly every use-case file needs: endpoint mapping, EF Core and the module's own conventions.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.EntityFrameworkCore;
global using Waterwheel.Platform.Api;
global using Waterwheel.Platform.Contracts;
global using Waterwheel.Platform.Data;
