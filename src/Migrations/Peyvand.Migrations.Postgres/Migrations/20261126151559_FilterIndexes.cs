using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_lifecycle_stage_last_name_id",
                table: "contacts",
                columns: new[] { "tenant_id", "lifecycle_stage", "last_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_source",
                table: "contacts",
                columns: new[] { "tenant_id", "source" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_industry",
                table: "companies",
                columns: new[] { "tenant_id", "industry" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_size",
                table: "companies",
                columns: new[] { "tenant_id", "size" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_lifecycle_stage_last_name_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_source",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_industry",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_size",
                table: "companies");
        }
    }
}
