using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RotationAnalytics.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the API host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RotationDbContext>
{
    public RotationDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RotationDbContext>();
        InfrastructureServiceCollectionExtensions.ConfigureDbContext(options, "Host=127.0.0.1;Database=design_time");
        return new RotationDbContext(options.Options);
    }
}
