CREATE TABLE "dao_vote_reasons" (
	"chain_id" bigint NOT NULL,
	"plugin" text NOT NULL,
	"proposal_id" text NOT NULL,
	"voter" text NOT NULL,
	"option" text NOT NULL,
	"cid" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "dao_vote_reasons_chain_id_plugin_proposal_id_voter_cid_pk" PRIMARY KEY("chain_id","plugin","proposal_id","voter","cid")
);
