// What nearly every file of the module needs: endpoint mapping, EF Core and the platform's conventions.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.EntityFrameworkCore;
global using Waterwheel.Acquisition.Data;
global using Waterwheel.Platform.Api;
global using Waterwheel.Platform.Contracts;
global using Waterwheel.Platform.Data;
