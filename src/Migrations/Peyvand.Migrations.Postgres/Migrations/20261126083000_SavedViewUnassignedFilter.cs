using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Peyvand.Kernel.Data;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Data only: saved views kept "no owner" as the UI's ownerId=none; they now keep the list route's unassigned=true,
    /// so an API client can pass a view's filters to the list as they are.
    /// </summary>
    [DbContext(typeof(PeyvandDbContext))]
    [Migration("20261126083000_SavedViewUnassignedFilter")]
    public partial class SavedViewUnassignedFilter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE saved_views SET filters = ((filters::jsonb - 'ownerId') || '{"unassigned":"true"}'::jsonb)::text WHERE filters::jsonb ->> 'ownerId' = 'none';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
