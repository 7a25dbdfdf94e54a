using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CustomerRecordFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "addresses",
                table: "contacts",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "category_id",
                table: "contacts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "consent",
                table: "contacts",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "notes",
                table: "contacts",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "social_profiles",
                table: "contacts",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "addresses",
                table: "companies",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "category_id",
                table: "companies",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notes",
                table: "companies",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "social_profiles",
                table: "companies",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "contact_companies",
                columns: table => new
                {
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    primary = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_companies", x => new { x.contact_id, x.company_id });
                    table.ForeignKey(
                        name: "fk_contact_companies_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customer_categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name_fa = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_categories", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_category_id",
                table: "contacts",
                columns: new[] { "tenant_id", "category_id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_category_id",
                table: "companies",
                columns: new[] { "tenant_id", "category_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_companies_tenant_id_company_id",
                table: "contact_companies",
                columns: new[] { "tenant_id", "company_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_categories_tenant_id_sort_order",
                table: "customer_categories",
                columns: new[] { "tenant_id", "sort_order" });

            // Contacts keep their company as their primary one.
            migrationBuilder.Sql("""INSERT INTO contact_companies (contact_id, company_id, tenant_id, role, "primary") SELECT id, company_id, tenant_id, NULL, TRUE FROM contacts WHERE company_id IS NOT NULL;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_companies");

            migrationBuilder.DropTable(
                name: "customer_categories");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_category_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_category_id",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "addresses",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "category_id",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "consent",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "notes",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "social_profiles",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "addresses",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "category_id",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "notes",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "social_profiles",
                table: "companies");
        }
    }
}
