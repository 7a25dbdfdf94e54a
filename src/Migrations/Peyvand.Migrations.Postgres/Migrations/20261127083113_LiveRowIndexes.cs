using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LiveRowIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_created_at_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_lifecycle_stage_last_name_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_owner_id_last_name_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_created_at_id",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_owner_id",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_size",
                table: "companies");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_created_at_id",
                table: "contacts",
                columns: new[] { "tenant_id", "created_at", "id" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_deleted_at",
                table: "contacts",
                columns: new[] { "tenant_id", "deleted_at" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_lifecycle_stage_last_name_id",
                table: "contacts",
                columns: new[] { "tenant_id", "lifecycle_stage", "last_name", "id" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_owner_id_last_name_id",
                table: "contacts",
                columns: new[] { "tenant_id", "owner_id", "last_name", "id" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_created_at_id",
                table: "companies",
                columns: new[] { "tenant_id", "created_at", "id" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_deleted_at",
                table: "companies",
                columns: new[] { "tenant_id", "deleted_at" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_owner_id",
                table: "companies",
                columns: new[] { "tenant_id", "owner_id" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_size",
                table: "companies",
                columns: new[] { "tenant_id", "size" },
                filter: "\"deleted_at\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_created_at_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_deleted_at",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_lifecycle_stage_last_name_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_owner_id_last_name_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_created_at_id",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_deleted_at",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_owner_id",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_size",
                table: "companies");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_created_at_id",
                table: "contacts",
                columns: new[] { "tenant_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_lifecycle_stage_last_name_id",
                table: "contacts",
                columns: new[] { "tenant_id", "lifecycle_stage", "last_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_owner_id_last_name_id",
                table: "contacts",
                columns: new[] { "tenant_id", "owner_id", "last_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_created_at_id",
                table: "companies",
                columns: new[] { "tenant_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_owner_id",
                table: "companies",
                columns: new[] { "tenant_id", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_size",
                table: "companies",
                columns: new[] { "tenant_id", "size" });
        }
    }
}
