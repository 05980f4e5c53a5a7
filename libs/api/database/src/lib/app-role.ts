/**
 * The role the API's queries run as: not the owner, not a superuser, no BYPASSRLS, so row-level
 * security applies to it. Created by the first migration; the API connects as the owner and
 * switches to it at connection start (as PostgREST does).
 */
export const APP_ROLE = 'kassa_app';
