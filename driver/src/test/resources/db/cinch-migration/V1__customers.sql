-- A cinch table: id, created_at and updated_at come with it.
CALL cinch.create_table('customers', 'name:TEXT email:TEXT? plan:TEXT');
